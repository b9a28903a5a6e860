using FocusBot.AppPackage;
using FocusBot.Bot;
using FocusBot.Calendar;
using FocusBot.Catalogue;
using FocusBot.Data;
using FocusBot.Figures;
using FocusBot.Hosting;
using FocusBot.Meetings;
using FocusBot.Reminders;
using FocusBot.Roster;
using FocusBot.Situations;
using FocusBot.Teams.Bot;

var command = HostCommand.Parse(args);
var builder = WebApplication.CreateBuilder(command.RemainingArgs);

// The domain's clock; tests replace it.
builder.Services.AddSingleton(TimeProvider.System);

// Storage: SQLite (embedded default) or PostgreSQL, by Database:Provider.
builder.Services.AddFocusBotData();

// Teams: the Bot Framework adapter and FocusBot's turn handler.
builder.Services.AddFocusBotTeams(builder.Configuration);

// Meetings: the table's Microsoft Graph calendar when Graph:* is set, else the roster's schedule.
builder.Services.AddFocusBotCalendar(builder.Configuration);

// Reminders: planned from the calendar and the situations, sent by a worker; co-chairs told of calendar problems.
builder.Services.AddFocusBotReminders(builder.Configuration);

// The backend: roster, OpenAPI, problem details, Entra ID app roles when configured.
builder.Services.AddScoped<RosterImporter>();
builder.Services.AddFocusBotSituations(builder.Configuration);
builder.Services.AddBackendAuthorization(builder.Configuration);
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi(options => options.AddSchemaTransformer<FocusBot.Catalogue.CatalogueSchemaTransformer>());

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
    case HostVerb.ImportRoster:
        await DatabaseMigrator.MigrateAsync(app.Services);
        await using (var scope = app.Services.CreateAsyncScope())
            return await scope.ServiceProvider.GetRequiredService<RosterImporter>()
                .ImportFileAsync(command.Path, Console.Out, Console.Error, CancellationToken.None);
}

StartupChecks.RefuseOpenEndpointsOffLoopback(app);
await DatabaseMigrator.MigrateAsync(app.Services);
if (command.Verb == HostVerb.Demo) await DemoRoster.LoadAsync(app);

app.UseExceptionHandler();
app.UseStatusCodePages();
if (BackendPolicies.IsEnabled(app.Configuration)) app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi();
app.MapHealth();
app.MapBot();
app.MapGroup("/api/v1").MapRoster().MapSituations().MapFigures().MapReminders().MapCatalogue();

await app.RunAsync();
return 0;

public partial class Program;
