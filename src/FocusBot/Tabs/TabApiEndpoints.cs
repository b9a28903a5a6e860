using FocusBot.Idempotency;
using System.Globalization;
using FocusBot.Core.Agenda;
using FocusBot.Core.Audit;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Conversations;
using FocusBot.Core.Figures;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Figures;
using FocusBot.Hosting;
using FocusBot.Reminders;
using FocusBot.Situations;
using FocusBot.Teams.Bot;
using FocusBot.Teams.Cards.Situations;
using FocusBot.Teams.Localization;

namespace FocusBot.Tabs;

/// <summary>
/// <c>/tabs/api</c>: the JSON the Teams tabs read and the actions they take, a third edge beside the bot and the REST
/// API, calling the same Core services (<see cref="SituationListing"/>, <see cref="FigureReports"/>,
/// <see cref="SituationWorkflow"/>, <see cref="AgendaService"/>). The user is the roster member behind the request
/// (<see cref="TabCaller"/>: 401 without a valid sign-on, 403 not on the roster). Labels, messages and every problem's
/// <c>title</c> and <c>detail</c> (and the field errors a person can cause) come from the bot's resources
/// (<see cref="Texts"/>) in the caller's language (<see cref="LanguageOf"/>), worded as on the cards: agencies by name,
/// times on the table's clock. (The REST API, <c>/api/v1</c>, stays English by decision.)
/// </summary>
public static class TabApiEndpoints
{
    public const long MaxActionBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapTabApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/tabs/api").WithTags("Tabs").RequireRateLimiting(ApiRateLimits.PolicyName);
        // The caller's language is current while the endpoint runs: the cards' resources then speak it.
        api.AddEndpointFilter(async (context, next) =>
        {
            using var language = BotLanguage.Scope(LanguageOf(context.HttpContext.Request));
            return await next(context);
        });
        api.MapGet("/me", MeAsync).WithSummary("The tab's user: role, agency, tables, and the update form's choices.");
        api.MapGet("/my-situations", MySituationsAsync)
            .WithSummary("The open and active situations that concern the user's agency, most urgent first.");
        // Idempotent(): an Idempotency-Key (the page makes one per click and sends it again on its own retry) has one
        // effect and gets the first answer again, as on the REST API (README, "Retrying safely").
        api.MapPost("/situations/{id}/accept", AcceptAsync).Idempotent().WithSummary("Accepts the user's agency's part (as on the card).");
        api.MapPost("/situations/{id}/decline", DeclineAsync).Idempotent().WithSummary("Declines the user's agency's part with a reason: { \"reason\" }.");
        api.MapPost("/situations/{id}/updates", PostUpdateAsync).Idempotent()
            .WithSummary("Posts an update: { \"kind\", \"note\", \"nextStep\", \"barriers\": [], \"services\": [], \"submissionId\" } (a GUID made when the form is built, required); the same submission posts once.");
        api.MapGet("/dashboard", DashboardAsync).WithSummary("Co-chairs: the charts of the tables they co-chair (?table=&from=&to=).");
        api.MapGet("/dashboard.csv", DashboardCsvAsync).WithSummary("Co-chairs: one chart's numbers as CSV (?chart=&table=&from=&to=).");
        api.MapGet("/tables/{id}/agenda", AgendaAsync)
            .WithSummary("The de-identified agenda of the next meeting of a table the user sits at; 304 when If-None-Match names its current ETag.");
        return app;
    }

    private static async Task<IResult> MeAsync(HttpContext http, TabCaller caller, IRosterStore roster, SituationCatalogue catalogue,
        CancellationToken cancellationToken)
    {
        var (member, refused) = await IdentifyAsync(http, caller, cancellationToken);
        if (member is null) return refused!;
        var french = BotLanguage.IsFrench;
        var agency = await roster.FindAgencyAsync(member.AgencyId, cancellationToken);
        return TypedResults.Ok(new TabMeDto(member.Email, RoleName(member.Role), member.AgencyId, agency?.Name ?? member.AgencyId,
            await TablesOfAsync(member, roster, cancellationToken),
            [.. catalogue.UpdateKinds.Select(e => new TabChoiceDto(e.Id, french ? e.FrenchLabel : e.Label))],
            [.. catalogue.Barriers.Select(e => new TabChoiceDto(e.Id, french ? e.FrenchLabel : e.Label))],
            [.. catalogue.Services.Select(e => new TabChoiceDto(e.Id, french ? e.FrenchLabel : e.Label))],
            TabFormLimits.OfSituation));
    }

    private static async Task<IResult> MySituationsAsync(HttpContext http, TabCaller caller, SituationListing listing, IRosterStore roster,
        ISituationStore situations, IConversationStore conversations, SituationReads reads, SituationCatalogue catalogue, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (member, refused) = await IdentifyAsync(http, caller, cancellationToken);
        if (member is null) return refused!;
        var mine = await listing.OpenAsync(member, member.TableIds, agencyOnly: true, cancellationToken);
        // The rows of situations the user may read in full carry their summary: each is a read, recorded before it is shown.
        var full = mine.Where(s => SituationVisibility.For(member, s) == SituationAccess.Full).ToList();
        await reads.RecordAsync(full, member, AuditChannel.Tab, cancellationToken);

        var tables = (await roster.TablesAsync(cancellationToken)).ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
        var agencies = (await roster.AgenciesAsync(cancellationToken)).ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
        var personalChat = await conversations.FindAsync(ConversationAddress.Personal(member.Email), cancellationToken);
        var now = time.GetUtcNow();
        var french = BotLanguage.IsFrench;
        var rows = new List<TabSituationDto>();
        foreach (var s in mine)
        {
            var table = tables[s.TableId];
            var assignment = s.AssignmentOf(member.AgencyId);
            string? link = null;
            if (personalChat is not null
                && (await situations.CardsOfAsync(s.Id, cancellationToken)).LastOrDefault(c => c.Address == ConversationAddress.Personal(member.Email)) is { } card)
                link = TeamsDeepLinks.ToMessage(personalChat, card.ActivityId);
            rows.Add(new TabSituationDto(
                s.Id, s.TableId, table.Name, StatusName(s.Status),
                SituationUrgency.FortyEightHourUpdateOverdue(s, now) ? "overdue" : s.Status == SituationStatus.Open ? "unaccepted" : "active",
                DashboardCharts.Label(catalogue.SituationTypes, s.TypeId, french), DashboardCharts.Label(catalogue.AgeGroups, s.AgeGroupId, french),
                DashboardCharts.Label(catalogue.Genders, s.GenderId, french),
                [.. s.RiskFactorIds.Select(r => DashboardCharts.Label(catalogue.RiskFactors, r, french))],
                s.LeadAgencyId, s.LeadAgencyId is { } lead ? agencies.GetValueOrDefault(lead)?.Name ?? lead : null,
                assignment is null ? "originating" : assignment.Role == AssignmentRole.Lead ? "lead" : "assisting",
                assignment?.State.ToString().ToLowerInvariant(),
                Math.Max(0, (int)(now - s.CreatedAt).TotalDays),
                // Once the 48-hour update is posted nothing is due any more: the row stops saying so.
                s.HasFortyEightHourUpdate ? null : s.UpdateDueAt?.ToUniversalTime(),
                !s.HasFortyEightHourUpdate && s.UpdateDueAt is { } due ? TimeZoneInfo.ConvertTime(due, table.TimeZone) : null,
                table.TimeZoneId, full.Contains(s) ? s.Summary : null,
                s.CanAnswer(member), s.RefusePostingBy(member) is null, s.WouldBeFortyEightHourUpdateFrom(member.AgencyId), link));
        }
        return TypedResults.Ok(rows);
    }

    private static async Task<IResult> AcceptAsync(string id, HttpContext http, TabCaller caller, SituationWorkflow workflow, IRosterStore roster,
        CancellationToken cancellationToken)
    {
        var (member, refused) = await IdentifyAsync(http, caller, cancellationToken);
        if (member is null) return refused!;
        // Always the user's own agency, as on the card.
        return await AnswerAsync(await workflow.AcceptAsync(id, member.AgencyId, member, cancellationToken), Texts.Get("TabApi.Title.NotAccepted"), "agency", roster,
            TabMessages.Accepted(member), cancellationToken);
    }

    private static async Task<IResult> DeclineAsync(string id, HttpContext http, TabCaller caller, SituationWorkflow workflow, IRosterStore roster,
        CancellationToken cancellationToken)
    {
        var (member, refused) = await IdentifyAsync(http, caller, cancellationToken);
        if (member is null) return refused!;
        var (fields, bad) = await ReadAsync(http, Texts.Get("TabApi.Title.NotDeclined"), cancellationToken);
        if (fields is null) return bad!;
        var reason = fields.String("reason");
        if (fields.Problems.Count > 0) return Invalid(fields, Texts.Get("TabApi.Title.NotDeclined"));
        return await AnswerAsync(await workflow.DeclineAsync(id, member.AgencyId, reason, member, cancellationToken), Texts.Get("TabApi.Title.NotDeclined"), "reason", roster,
            TabMessages.Declined, cancellationToken);
    }

    private static async Task<IResult> PostUpdateAsync(string id, HttpContext http, TabCaller caller, SituationWorkflow workflow, IRosterStore roster,
        CancellationToken cancellationToken)
    {
        var (member, refused) = await IdentifyAsync(http, caller, cancellationToken);
        if (member is null) return refused!;
        var (fields, bad) = await ReadAsync(http, Texts.Get("TabApi.Title.UpdateNotPosted"), cancellationToken);
        if (fields is null) return bad!;
        var (kind, note, nextStep) = (fields.String("kind"), fields.String("note"), fields.String("nextStep"));
        var (barriers, services, submissionId) = (fields.Strings("barriers"), fields.Strings("services"), fields.String("submissionId"));
        // Without it a double click would post twice: the form makes one when it is built, and every send carries it.
        if (!fields.Problems.ContainsKey("submissionId") && !Guid.TryParse(submissionId, out _))
            fields.Problem("submissionId", Texts.Get("TabApi.SubmissionIdRequired"));
        if (fields.Problems.Count > 0) return Invalid(fields, Texts.Get("TabApi.Title.UpdateNotPosted"));
        var outcome = await workflow.PostUpdateAsync(id, member, kind, note, nextStep, barriers, cancellationToken, submissionId, services);
        return await AnswerAsync(outcome, Texts.Get("TabApi.Title.UpdateNotPosted"), "note", roster, TabMessages.UpdatePosted, cancellationToken);
    }

    private static async Task<IResult> DashboardAsync(string? table, string? from, string? to, HttpContext http, TabCaller caller,
        IRosterStore roster, FigureReports figures, SituationCatalogue catalogue, TimeProvider time, CancellationToken cancellationToken)
    {
        var (member, refused) = await IdentifyAsync(http, caller, cancellationToken);
        if (member is null) return refused!;
        if (SituationListing.CoChairedTables(member).Count == 0) return ForCoChairsOnly();
        var (scope, problems) = FiguresScope.Read(table, from, to, SituationListing.CoChairedTables(member), await roster.TablesAsync(cancellationToken),
            time.GetUtcNow(), ScopeProblem);
        if (scope is null) return FiltersRefused(problems, "TabApi.Title.DashboardNotDrawn");

        var report = await figures.DashboardAsync(scope.Tables, scope.Period, cancellationToken);
        var agencies = (await roster.AgenciesAsync(cancellationToken)).ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
        return TypedResults.Ok(new TabDashboardDto(
            [.. scope.Tables.Select(t => new TabTableDto(t.Id, t.Name, CoChair: true))], scope.Period.From, scope.Period.To, report.PeriodIsEmpty,
            FiguresDto.Of(report.Totals, catalogue), DashboardCharts.Of(report, agencies, catalogue, BotLanguage.IsFrench)));
    }

    private static async Task<IResult> DashboardCsvAsync(string? chart, string? table, string? from, string? to, HttpContext http, TabCaller caller,
        IRosterStore roster, FigureReports figures, SituationCatalogue catalogue, TimeProvider time, CancellationToken cancellationToken)
    {
        var (member, refused) = await IdentifyAsync(http, caller, cancellationToken);
        if (member is null) return refused!;
        if (SituationListing.CoChairedTables(member).Count == 0) return ForCoChairsOnly();
        var (scope, problems) = FiguresScope.Read(table, from, to, SituationListing.CoChairedTables(member), await roster.TablesAsync(cancellationToken),
            time.GetUtcNow(), ScopeProblem);
        if (scope is null) return FiltersRefused(problems, "TabApi.Title.CsvNotMade");

        var report = await figures.DashboardAsync(scope.Tables, scope.Period, cancellationToken);
        var agencies = (await roster.AgenciesAsync(cancellationToken)).ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
        var charts = DashboardCharts.Of(report, agencies, catalogue, BotLanguage.IsFrench);
        if (charts.FirstOrDefault(c => string.Equals(c.Id, chart, StringComparison.OrdinalIgnoreCase)) is not { } found)
            return FiltersRefused(new Dictionary<string, string[]> { ["chart"] = [Texts.Get("TabApi.ChartMustBe", string.Join(", ", charts.Select(c => c.Id)))] },
                "TabApi.Title.CsvNotMade");
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{CsvFileName(found.Id, scope)}\"";
        return TypedResults.Text(DashboardCharts.ToCsv(found), "text/csv; charset=utf-8");
    }

    /// <summary>
    /// The CSV's file name, the same for the page's download and a direct call: <c>&lt;chart&gt;-&lt;table id or
    /// all-tables&gt;-&lt;from&gt;-&lt;to&gt;.csv</c> (days yyyy-MM-dd, <c>to</c> not included).
    /// </summary>
    public static string CsvFileName(string chartId, FiguresScope scope) =>
        $"{chartId}-{(scope.Tables.Count == 1 ? scope.Tables[0].Id : "all-tables")}-{scope.Period.From:yyyy-MM-dd}-{scope.Period.To:yyyy-MM-dd}.csv";

    /// <summary>400 for refused filters: the title says what was not done and what is accepted; the detail is the first field's problem.</summary>
    private static IResult FiltersRefused(Dictionary<string, string[]> problems, string titleKey) =>
        TypedResults.ValidationProblem(problems, title: Texts.Get(titleKey, Texts.Get("TabApi.FiltersAccepted")), detail: problems.Values.First()[0]);

    private static string ScopeProblem(FiguresScopeProblem problem) => Texts.Get("TabApi.Figures." + problem);

    private static async Task<IResult> AgendaAsync(string id, HttpContext http, TabCaller caller, AgendaService agendas, IRosterStore roster,
        CancellationToken cancellationToken)
    {
        var (member, refused) = await IdentifyAsync(http, caller, cancellationToken);
        if (member is null) return refused!;
        var agenda = member.SitsAt(id) ? await agendas.NextAsync(id.ToLowerInvariant(), cancellationToken) : null;
        if (agenda is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: Texts.Get("TabApi.Title.NotFound"), detail: Texts.Get("TabApi.NoSuchTable"));
        var agencies = (await roster.AgenciesAsync(cancellationToken)).ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
        return AgendaVersion.Answer(http, TabAgendaDto.From(agenda, agencies));
    }

    private static async Task<(Member? Member, IResult? Refused)> IdentifyAsync(HttpContext http, TabCaller caller, CancellationToken cancellationToken)
    {
        var identity = await caller.IdentifyAsync(http, cancellationToken);
        if (identity.Member is { } member) return (member, null);
        if (identity.Status == StatusCodes.Status401Unauthorized) http.Response.Headers.WWWAuthenticate = "Bearer";
        return (null, TypedResults.Problem(statusCode: identity.Status, title: Texts.Get(identity.Status == 401 ? "TabApi.Title.NotSignedIn" : "TabApi.Title.NotOnRoster"),
            detail: identity.Problem));
    }

    /// <summary>
    /// The workflow's answer at this edge: 200 with <see cref="TabActionDto"/> (its message from <paramref name="done"/>); 404 not the user's to see;
    /// the domain's refusal, its message unchanged, as 403 (not the user's to do), 409 (the situation's state forbids it) or
    /// 400 naming <paramref name="field"/> (what was typed); 409 also for an update form's submission id that posted on
    /// another situation. A refusal is worded as on the cards (<see cref="RefusalText"/>: agencies by name, in the request's language).
    /// </summary>
    private static async Task<IResult> AnswerAsync(WorkflowOutcome outcome, string refusedTitle, string field, IRosterStore roster,
        Func<Situation, SituationResult, Table, IReadOnlyDictionary<string, Agency>, string> done, CancellationToken cancellationToken)
    {
        if (outcome.Situation is not { } situation) return NotFound();
        var result = outcome.Result!;
        var agencies = (await roster.AgenciesAsync(cancellationToken)).ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
        if (result.Refusal == SituationRefusal.None)
        {
            if (await roster.FindTableAsync(situation.TableId, cancellationToken) is not { } table) return NotFound();
            return TypedResults.Ok(new TabActionDto(situation.Id, StatusName(situation.Status), done(situation, result, table, agencies)));
        }
        var message = RefusalText.Of(result, agencies);
        return result.Refusal switch
        {
            SituationRefusal.NotAtThisTable or SituationRefusal.NotYourAgency or SituationRefusal.AgencyNotOnSituation or SituationRefusal.NotCoChair
                or SituationRefusal.NoAcceptedAssignment =>
                TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: refusedTitle, detail: message),
            SituationRefusal.AlreadyDeclined or SituationRefusal.AlreadyAccepted or SituationRefusal.SituationConcluded or SituationRefusal.NotConcluded
                or SituationRefusal.NotAer or SituationRefusal.SubmissionOfAnotherSituation =>
                TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refusedTitle, detail: message),
            SituationRefusal.UnknownUpdateKind => Field("kind", message, refusedTitle),
            SituationRefusal.UnknownBarrier => Field("barriers", message, refusedTitle),
            SituationRefusal.UnknownService => Field("services", message, refusedTitle),
            _ => Field(field, message, refusedTitle),
        };
    }

    private static IResult Field(string name, string message, string title) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [name] = [message] }, title: title, detail: message);

    private static async Task<(JsonFields? Fields, IResult? Refused)> ReadAsync(HttpContext http, string refusedTitle, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(http.Request, MaxActionBytes, cancellationToken);
        if (body is null)
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: Texts.Get("TabApi.Title.TooLarge"),
                detail: Texts.Get("TabApi.TooLarge", MaxActionBytes / 1024)));
        return JsonFields.Parse(body, out var malformed) is { } fields
            ? (fields, null)
            : (null, Invalid(JsonFields.BodyProblem(malformed!), refusedTitle));
    }

    private static IResult Invalid(JsonFields fields, string title) =>
        Invalid(fields.Problems.ToDictionary(p => p.Key, p => p.Value.ToArray()), title);

    /// <summary>
    /// 400 for a body the page would not send. Its detail is in the caller's language: the missing submission id's own
    /// sentence, or else "not what the tab sends" naming the fields (their shape errors are the REST API's English, shared).
    /// </summary>
    private static IResult Invalid(Dictionary<string, string[]> problems, string title) =>
        TypedResults.ValidationProblem(problems, title: title,
            detail: problems.Count == 1 && problems.TryGetValue("submissionId", out var submission) ? submission[0]
                : Texts.Get("TabApi.BadBody", string.Join(", ", problems.Keys)));

    private static async Task<List<TabTableDto>> TablesOfAsync(Member member, IRosterStore roster, CancellationToken cancellationToken) =>
        [.. (await roster.TablesAsync(cancellationToken)).Where(t => member.SitsAt(t.Id)).OrderBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => new TabTableDto(t.Id, t.Name, member.IsCoChairOf(t.Id)))];

    private static IResult ForCoChairsOnly() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: Texts.Get("TabApi.Title.CoChairsOnly"), detail: Texts.Get("TabApi.CoChairsOnly"));

    private static IResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: Texts.Get("TabApi.Title.NotFound"), detail: Texts.Get("TabApi.NoSuchSituation"));

    /// <summary>
    /// The rate limiter's refusal of a tab API request (<c>/tabs/api</c>), in the caller's language as every other tab
    /// refusal: a 429 problem whose detail says in how many <paramref name="retryAfterSeconds"/> to try again (the
    /// Retry-After header already set). Returns false, writing nothing, for any other path (the REST API stays English
    /// and bodiless, as before).
    /// </summary>
    public static async Task<bool> TryRefuseTooManyRequestsAsync(HttpContext http, int retryAfterSeconds)
    {
        if (!http.Request.Path.StartsWithSegments("/tabs/api", StringComparison.OrdinalIgnoreCase)) return false;
        using var language = BotLanguage.Scope(LanguageOf(http.Request));
        await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: Texts.Get("TabApi.Title.TooManyRequests"),
            detail: Texts.Count("TabApi.TooManyRequests", retryAfterSeconds)).ExecuteAsync(http);
        return true;
    }

    /// <summary>
    /// The caller's language: <c>?lang=</c> (the page sends its Teams locale), else the first language of
    /// <c>Accept-Language</c>, else English (<see cref="BotLanguage.Choose"/>: any French is fr-CA).
    /// </summary>
    public static CultureInfo LanguageOf(HttpRequest request) =>
        BotLanguage.Choose(request.Query["lang"].ToString(), request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value).FirstOrDefault());


    private static string StatusName(SituationStatus status) => status == SituationStatus.NotAer ? "not-aer" : status.ToString().ToLowerInvariant();

    private static string RoleName(MemberRole role) => role switch
    {
        MemberRole.CoChair => "cochair",
        MemberRole.Admin => "admin",
        _ => "rep",
    };
}
