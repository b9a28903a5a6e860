using FocusBot.Core.Catalogue;
using FocusBot.Core.Figures;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Hosting;
using FocusBot.Situations;
using FocusBot.Teams.Localization;

namespace FocusBot.Figures;

/// <summary>
/// <c>GET /api/v1/stats</c> (the figures a table reports) and <c>GET /api/v1/export/rtd.csv</c> (concluded situations,
/// de-identified, in the RTD's shape), for the tables the caller co-chairs (co-chairs and administrators).
/// </summary>
public static class FigureEndpoints
{
    public static RouteGroupBuilder MapFigures(this RouteGroupBuilder api)
    {
        api.MapGet("/stats", StatsAsync)
            .WithTags("Figures")
            .RequireAuthorization(BackendPolicies.CoChair)
            .WithSummary("A table's figures (or those of every table the caller co-chairs) for the days [from, to), yyyy-MM-dd in the table's time zone; by default the last 12 months.")
            .Produces<FiguresDto>()
            .ProducesValidationProblem();

        api.MapGet("/export/rtd.csv", ExportAsync)
            .WithTags("Figures")
            .RequireAuthorization(BackendPolicies.CoChair)
            .WithSummary("The situations concluded in [from, to), one de-identified row each, in the shape of the Risk-driven Tracking Database (RFC 4180 CSV with a header row). " +
                "lang=fr-CA (or the caller's own language, when they chose one) writes the header and the labels in French; en-CA, the default, in English.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> StatsAsync(string? table, string? from, string? to, HttpContext http, ApiCaller caller,
        IRosterStore roster, FigureReports figures, SituationCatalogue catalogue, TimeProvider time, CancellationToken cancellationToken)
    {
        var (scope, problems) = await ScopeAsync(table, from, to, http, caller, roster, time, cancellationToken);
        if (scope is null) return TypedResults.ValidationProblem(problems, title: "The figures were not computed: some parameters are invalid.");

        return TypedResults.Ok(FiguresDto.Of(await figures.ReportAsync(scope.Tables, scope.Period, cancellationToken), catalogue));
    }

    private static async Task<IResult> ExportAsync(string? table, string? from, string? to, string? lang, HttpContext http, ApiCaller caller,
        IRosterStore roster, ISituationStore situations, SituationCatalogue catalogue, TimeProvider time, CancellationToken cancellationToken)
    {
        var member = await caller.MemberAsync(http.User, cancellationToken);
        var (scope, problems) = FiguresScope.Read(table, from, to, SituationListing.CoChairedTables(member), await roster.TablesAsync(cancellationToken), time.GetUtcNow());
        var language = lang is null ? BotLanguage.Normalize(member?.Language) ?? BotLanguage.English : BotLanguage.Normalize(lang);
        if (language is null or BotLanguage.Pseudo) problems["lang"] = ["Must be en-CA or fr-CA."];
        if (scope is null || problems.ContainsKey("lang")) return TypedResults.ValidationProblem(problems, title: "The export was not made: some parameters are invalid.");

        var agencies = await roster.AgenciesAsync(cancellationToken);
        var french = language == BotLanguage.French;
        string[] header;
        using (BotLanguage.Scope(BotLanguage.Choose(language)))
            header = [.. RtdExport.Columns.Select(column => Texts.Get("Rtd." + column))];
        var name = scope.Tables.Count == 1 ? scope.Tables[0].Id : "all-tables";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"rtd-{name}-{scope.Period.From:yyyy-MM-dd}-{scope.Period.To:yyyy-MM-dd}.csv\"";
        // Streamed as the rows are read, a batch of situations at a time: memory stays flat however long the period.
        return TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
            await RtdExport.WriteCsvAsync(writer, situations.ExportedAsync([.. scope.Tables.Select(t => t.Id)], scope.Period, cancellationToken),
                scope.Tables, agencies, scope.Period, catalogue, header, french, cancellationToken);
        }, "text/csv; charset=utf-8");
    }

    private static async Task<(FiguresScope? Scope, Dictionary<string, string[]> Problems)> ScopeAsync(string? table, string? from, string? to,
        HttpContext http, ApiCaller caller, IRosterStore roster, TimeProvider time, CancellationToken cancellationToken)
    {
        var member = await caller.MemberAsync(http.User, cancellationToken);
        return FiguresScope.Read(table, from, to, SituationListing.CoChairedTables(member), await roster.TablesAsync(cancellationToken), time.GetUtcNow());
    }
}
