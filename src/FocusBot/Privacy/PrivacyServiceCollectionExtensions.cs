using FocusBot.Core.Privacy;

namespace FocusBot.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>Retention (settings under <c>Privacy</c>: <c>RetentionMonths</c>, default 24): the purge and its daily run.</summary>
    public static IServiceCollection AddFocusBotPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new RetentionOptions();
        configuration.GetSection(RetentionOptions.Section).Bind(options);
        if (options.RetentionMonths < 1)
            throw new InvalidOperationException($"Privacy:RetentionMonths is {options.RetentionMonths}; it must be a whole number of months, at least 1.");
        services.AddSingleton(options);
        services.AddScoped<RetentionPurge>();
        services.AddSingleton<DailyRetention>();
        return services;
    }
}
