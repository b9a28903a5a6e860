using FocusBot.AppPackage;
using FocusBot.Bot;
using FocusBot.Calendar;
using FocusBot.Catalogue;
using FocusBot.Data;
using FocusBot.Deliveries;
using FocusBot.Figures;
using FocusBot.Health;
using FocusBot.Hosting;
using FocusBot.Idempotency;
using FocusBot.Meetings;
using FocusBot.Privacy;
using FocusBot.Reminders;
using FocusBot.Roster;
using FocusBot.Situations;
using FocusBot.Tabs;
using FocusBot.Telemetry;
using FocusBot.Teams.Bot;

var command = HostCommand.Parse(args);
if (command.Verb == HostVerb.Help)
{
    Console.Out.Write(HostCommand.Usage + Environment.NewLine);
    return 0;
}
if (command.Problem is { } problem)
{
    Console.Error.WriteLine(problem);
    return HostCommand.UsageExitCode;
}

try
{
    return await RunAsync(command);
}
catch (Exception exception) when (HostRefusal.Describe(exception) is { } refusal)
{
    Console.Error.WriteLine(refusal);
    return HostRefusal.ExitCode;
}

static async Task<int> RunAsync(HostCommand command)
{
    var builder = WebApplication.CreateBuilder(AppFolder.Options(command.RemainingArgs));
    builder.UseDefaultAddressUnlessGiven();
    builder.UseFocusBotLogLevels(command.Verb);

    // The domain's clock; tests replace it.
    builder.Services.AddSingleton(TimeProvider.System);

    // Storage: SQLite (embedded default; a relative file is in the app's folder) or PostgreSQL, by Database:Provider.
    builder.Services.AddFocusBotData(builder.Environment.ContentRootPath);

    // Teams: the Bot Framework adapter and FocusBot's turn handler.
    builder.Services.AddFocusBotTeams(builder.Configuration);

    // Meetings: the table's Microsoft Graph calendar when Graph:* is set, else the roster's schedule.
    builder.Services.AddFocusBotCalendar(builder.Configuration);

    // The worker: delivers the outbox (everything decisions cause) and the reminders it plans; co-chairs told of problems.
    builder.Services.AddFocusBotReminders(builder.Configuration);

    // Privacy: retention of concluded situations (Privacy:RetentionMonths), purged daily by the worker.
    builder.Services.AddFocusBotPrivacy(builder.Configuration);

    // The backend: roster, OpenAPI, problem details, Entra ID app roles when configured.
    builder.Services.AddScoped<RosterImporter>();
    builder.Services.AddFocusBotSituations(builder.Configuration);
    builder.Services.AddBackendAuthorization(builder.Configuration);
    // Idempotency-Key on the API's changes: a retried request has one effect and gets the first answer again.
    builder.Services.AddIdempotencyKeys(builder.Configuration);
    // The Teams tabs: single sign-on (TeamsJS's token) when configured, else loopback development users.
    builder.Services.AddTabSignOn(builder.Configuration);
    builder.Services.AddProblemDetails();
    // Per-caller limits on the API (/api/messages counts per Teams user once the token is accepted).
    builder.Services.AddApiRateLimits();
    builder.Services.AddOpenApi(options => options.AddSchemaTransformer<CatalogueSchemaTransformer>().AddOperationTransformer<IdempotencyKeyOpenApi>());

    // OpenTelemetry to Azure Monitor and/or OTLP, when configured.
    builder.AddFocusBotTelemetry();

    // /healthz/live and /healthz/ready (database, migrations, reminder worker).
    builder.Services.AddFocusBotHealthChecks();

    var app = builder.Build();

    switch (command.Verb)
    {
        case HostVerb.PackageApp:
            return AppPackageCommand.Run(app.Configuration, app.Environment.ContentRootPath,
                command.Path ?? Path.Combine(Directory.GetCurrentDirectory(), "focusbot.zip"), Console.Out, Console.Error);
        case HostVerb.ProvisionMeetings:
            await DatabaseMigrator.MigrateAsync(app.Services);
            await using (var scope = app.Services.CreateAsyncScope())
                return await ProvisionMeetingsCommand.RunAsync(scope.ServiceProvider, Console.Out, Console.Error, CancellationToken.None);
        case HostVerb.Purge:
            await DatabaseMigrator.MigrateAsync(app.Services);
            await using (var scope = app.Services.CreateAsyncScope())
                return await PurgeCommand.RunAsync(scope.ServiceProvider, command.DryRun, Console.Out, CancellationToken.None);
        case HostVerb.ImportRoster:
            await DatabaseMigrator.MigrateAsync(app.Services);
            await using (var scope = app.Services.CreateAsyncScope())
                return await scope.ServiceProvider.GetRequiredService<RosterImporter>()
                    .ImportFileAsync(command.Path, Console.Out, Console.Error, CancellationToken.None);
    }

    StartupChecks.RefuseOpenEndpointsOffLoopback(app);
    StartupChecks.RefuseIncompleteBotEndpointSettings(app);
    await DatabaseMigrator.MigrateAsync(app.Services);
    if (command.Verb == HostVerb.Demo) await DemoRoster.LoadAsync(app);

    app.UseSecurityHeaders();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    if (BackendPolicies.IsEnabled(app.Configuration)) app.UseAuthentication();
    app.UseAuthorization();
    app.UseRateLimiter();

    // The document lists the roster's table and agency ids (as enums): for signed-in callers with a role only.
    app.MapOpenApi().RequireAuthorization(BackendPolicies.CoChair);
    app.MapHealth();
    app.MapBot();
    app.MapTabs();
    app.MapGroup("/api/v1").RequireRateLimiting(ApiRateLimits.PolicyName).MapRoster().MapSituations().MapFigures().MapReminders().MapDeliveries().MapAudit().MapCatalogue();

    await app.RunAsync();
    return 0;
}

public partial class Program;
