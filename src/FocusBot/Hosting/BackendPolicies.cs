using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace FocusBot.Hosting;

/// <summary>
/// The backend's authorization: Entra ID bearer tokens with app roles when <c>Backend:Authority</c> and
/// <c>Backend:Audience</c> are set; open (and loopback only) in development when they are not.
/// </summary>
public static class BackendPolicies
{
    public const string Admin = "FocusBot.Admin";
    public const string CoChair = "FocusBot.CoChair";

    public static bool IsEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Backend:Authority"]) && !string.IsNullOrWhiteSpace(configuration["Backend:Audience"]);

    public static IServiceCollection AddBackendAuthorization(this IServiceCollection services, IConfiguration configuration)
    {
        if (!IsEnabled(configuration))
        {
            services.AddAuthorizationBuilder()
                .AddPolicy(Admin, policy => policy.RequireAssertion(_ => true))
                .AddPolicy(CoChair, policy => policy.RequireAssertion(_ => true));
            return services;
        }

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = configuration["Backend:Authority"];
                options.Audience = configuration["Backend:Audience"];
                options.MapInboundClaims = false;
                options.TokenValidationParameters.RoleClaimType = "roles";
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireRole(Admin))
            // An administrator may do what a co-chair may.
            .AddPolicy(CoChair, policy => policy.RequireAuthenticatedUser().RequireRole(CoChair, Admin));
        return services;
    }
}
