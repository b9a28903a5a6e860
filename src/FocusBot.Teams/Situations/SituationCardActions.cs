using FocusBot.Core.Audit;
using FocusBot.Core.Privacy;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Conversations;
using FocusBot.Core.Deliveries;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Teams.Bot;
using FocusBot.Teams.Cards;
using FocusBot.Teams.Cards.Situations;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Situations;

/// <summary>
/// What happens when someone clicks a situation card's button: accept, decline, record, refresh, view. Each returns
/// the card that the clicker sees next; nothing here throws for bad card data.
/// </summary>
public sealed class SituationCardActions(
    SituationWorkflow workflow,
    IRosterStore roster,
    SituationCatalogue catalogue,
    IDeliveryStore deliveries,
    UpdateCardActions updates,
    SituationLists lists,
    SituationReads reads,
    IConversationStore conversations,
    TimeProvider time)
{
    /// <param name="channelId">The Teams channel the card is in, or null in a personal chat.</param>
    /// <param name="clickedCard">Where the clicked card is (its conversation and message id), when Teams says: a recording's confirmation replaces it and is redrawn there.</param>
    public async Task<AdaptiveCard> RunAsync(CardAction action, TurnMember who, bool inChannel, CancellationToken cancellationToken,
        string? channelId = null, ConfirmationCard? clickedCard = null) =>
        action.Verb switch
        {
            SituationVerbs.Accept => await AcceptAsync(action, who, cancellationToken),
            SituationVerbs.Decline => await DeclineAsync(action, who, inChannel, cancellationToken),
            SituationVerbs.Record => await RecordAsync(action, who, clickedCard, cancellationToken),
            // A refresh redraws the card where it was posted; asking to view it adds the history.
            SituationVerbs.Refresh => await ViewAsync(action.Text("situationId"), who, inChannel, cancellationToken, channelId, withHistory: false),
            SituationVerbs.View => await ViewAsync(action.Text("situationId"), who, inChannel, cancellationToken, channelId),
            SituationVerbs.UpdateForm => action.Text("situationId") is { } id
                ? await updates.FormAsync(id, who, inChannel, cancellationToken)
                : Malformed(),
            SituationVerbs.PostUpdate => await updates.PostAsync(action, who, inChannel, cancellationToken),
            // Only the co-chair's personal copy carries these buttons; a channel never shows another table's situation.
            SituationVerbs.Conclude or SituationVerbs.Reopen or SituationVerbs.ChangeAgencies when inChannel =>
                NoticeCard.Of("CoChairPersonalOnly", isError: false),
            SituationVerbs.ChangeAgencies => await ChangeAgenciesAsync(action, who, cancellationToken),
            SituationVerbs.Conclude => await ConcludeAsync(action, who, cancellationToken),
            SituationVerbs.Reopen => await ReopenAsync(action, who, cancellationToken),
            SituationVerbs.Page => await lists.PageAsync(action, who, inChannel ? channelId ?? "" : null, cancellationToken),
            _ => NoticeCard.Of("UnknownButton", isError: true),
        };

    public async Task<AdaptiveCard> NewSituationFormAsync(TurnMember who, CancellationToken cancellationToken)
    {
        var chaired = who.Tables.Where(t => who.Member.IsCoChairOf(t.Id)).ToList();
        if (chaired.Count == 0)
            return NoticeCard.Of("CoChairsOnly", isError: true);
        return NewSituationForm.Build(chaired, await roster.AgenciesAsync(cancellationToken), catalogue);
    }

    private async Task<AdaptiveCard> AcceptAsync(CardAction action, TurnMember who, CancellationToken cancellationToken)
    {
        var (situationId, agencyId) = (action.Text("situationId"), action.Text("agencyId"));
        if (situationId is null || agencyId is null) return Malformed();

        var outcome = await workflow.AcceptAsync(situationId, agencyId, who.Member, cancellationToken);
        if (outcome.NotFound) return NoticeCard.SituationNotFound();
        var situation = outcome.Situation!;
        if (!outcome.Succeeded) return await RefusedAsync("NotAccepted", outcome.Result!, cancellationToken);

        var (table, agencies) = await ContextAsync(situation, cancellationToken);
        if (table is null) return NoticeCard.SituationNotFound();
        var assignment = situation.AssignmentOf(agencyId)!;
        var agency = agencies.GetValueOrDefault(assignment.AgencyId) ?? new Agency { Id = assignment.AgencyId, Name = assignment.AgencyId, Sector = "" };
        // The situation's own card, so its details and the rep's next button stay in front of them.
        var viewer = new SituationCardViewer(SituationVisibility.For(who.Member, situation), who.Member, InChannel: false);
        return AssignmentConfirmationCard.Build(situation, table, agencies, catalogue, viewer, agency, assignment.Role == AssignmentRole.Lead,
            time.GetUtcNow());
    }

    private async Task<AdaptiveCard> DeclineAsync(CardAction action, TurnMember who, bool inChannel, CancellationToken cancellationToken)
    {
        var (situationId, agencyId) = (action.Text("situationId"), action.Text("agencyId"));
        if (situationId is null || agencyId is null) return Malformed();

        var outcome = await workflow.DeclineAsync(situationId, agencyId, action.TypedText("reason"), who.Member, cancellationToken);
        if (outcome.NotFound) return NoticeCard.SituationNotFound();
        if (outcome.Succeeded) return NoticeCard.Of("Declined", isError: false, outcome.Situation!.Id);

        // Refused (no reason, a reason naming someone, already answered): the card stays as the rep sees it, with why on
        // top, so the situation's details and the buttons to try again are not lost with the click.
        var agencies = (await roster.AgenciesAsync(cancellationToken)).ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
        var card = await CardForAsync(outcome.Situation!, who, inChannel, cancellationToken, withHistory: false);
        return card.AddFirst(
            Element.Text(Texts.Get("Refused.NotDeclined"), weight: "Bolder", color: "Attention"),
            Element.Text(RefusalText.Of(outcome.Result!, agencies)));
    }

    private async Task<AdaptiveCard> RecordAsync(CardAction action, TurnMember who, ConfirmationCard? clickedCard, CancellationToken cancellationToken)
    {
        var request = new NewSituationRequest
        {
            Table = action.Text("table"),
            Type = action.Text("type"),
            AgeGroup = action.Text("ageGroup"),
            Gender = action.Text("gender"),
            RiskFactors = [.. action.List("riskFactors")],
            Summary = action.TypedText("summary"),
            OriginatingAgency = action.Text("originatingAgency"),
            LeadAgency = action.Text("leadAgency"),
            AssistingAgencies = [.. action.List("assistingAgencies")],
            AerMet = action.Text(NewSituationForm.AerMet) is { } aerMet ? !string.Equals(aerMet, "false", StringComparison.OrdinalIgnoreCase) : null,
            PeopleCount = action.Number(NewSituationForm.PeopleCount),
        };
        var submissionId = action.SubmissionId(NewSituationForm.SubmissionId);
        if (action.Text(NewSituationForm.PeopleCount) is { } typedCount && request.PeopleCount is null)
        {
            // Text where a number belongs: name the field and the range rather than read it as "not given".
            return NewSituationForm.Build(who.Tables.Where(t => who.Member.IsCoChairOf(t.Id)).ToList(), await roster.AgenciesAsync(cancellationToken),
                catalogue, request, new Dictionary<string, string[]>
                {
                    [NewSituationForm.PeopleCount] = [Texts.Get("NewSituation.PeopleNotANumber", typedCount, NewSituationValidator.MaxPeopleCount)],
                }, submissionId);
        }
        var outcome = await workflow.RecordAsync(request, who.Member, cancellationToken, submissionId, clickedCard);
        if (outcome.Situation is not { } situation)
        {
            var chaired = who.Tables.Where(t => who.Member.IsCoChairOf(t.Id)).ToList();
            if (chaired.Count == 0) return NoticeCard.Of("CoChairsOnly", isError: true);
            var onRoster = await roster.AgenciesAsync(cancellationToken);
            var problems = NewSituationForm.InReadersLanguage(outcome.Problems, request.Summary,
                IdentifierContext.At(time.GetUtcNow(), onRoster.Select(a => a.Name)));
            return NewSituationForm.Build(chaired, onRoster, catalogue, request, problems, submissionId);
        }

        // A repeated submission gets the same confirmation, with where the cards stand now.
        var (table, agencies) = await ContextAsync(situation, cancellationToken);
        if (!situation.AerMet) return RecordedCard.NotAer(situation, table!);
        var report = RecordingReport.From(await deliveries.OfSituationAsync(situation.Id, cancellationToken));
        if (report.ChannelCopy is { IsFinished: false } && await ChannelUnreachableReasonAsync(situation.TableId, cancellationToken) is { } why)
            report = report.WithChannelUnreachable(why);
        return RecordedCard.Build(situation, table!, agencies, report);
    }

    /// <summary>Why the table's channel cannot be posted to (none linked, or marked gone: deleted, team archived, app removed), or null when it can.</summary>
    private async Task<string?> ChannelUnreachableReasonAsync(string tableId, CancellationToken cancellationToken) =>
        await conversations.FindTableChannelAsync(tableId, cancellationToken) is { } channel
            ? await conversations.UnreachableReasonAsync(channel, cancellationToken)
            : "no channel is linked";

    /// <summary>
    /// The situation as this member may see it: with its history for its agencies and the co-chairs in their personal
    /// chat, the filter-2 card for the rest of the table and in the channel, "not found" for everyone else. In a channel
    /// only situations of the table linked to it are shown.
    /// </summary>
    public async Task<AdaptiveCard> ViewAsync(string? situationId, TurnMember who, bool inChannel, CancellationToken cancellationToken,
        string? channelId = null, bool withHistory = true)
    {
        if (situationId is null) return Malformed();
        var situation = await workflow.FindVisibleAsync(situationId, who.Member, cancellationToken);
        if (situation is null || (inChannel && !await lists.ShowsInAsync(situation, who, channelId ?? "", cancellationToken)))
            return NoticeCard.SituationNotFound();
        return await CardForAsync(situation, who, inChannel, cancellationToken, withHistory);
    }

    private async Task<AdaptiveCard> CardForAsync(Situation situation, TurnMember who, bool inChannel, CancellationToken cancellationToken,
        bool withHistory = true)
    {
        var (table, agencies) = await ContextAsync(situation, cancellationToken);
        if (table is null) return NoticeCard.SituationNotFound();
        var access = inChannel ? SituationAccess.TableView : SituationVisibility.For(who.Member, situation);
        var viewer = new SituationCardViewer(access, who.Member, inChannel) { HistoryFollows = withHistory && access == SituationAccess.Full };
        var card = SituationCard.Build(situation, table, agencies, catalogue, viewer, time.GetUtcNow());
        if (access != SituationAccess.Full) return card;

        // The full card shows the summary and notes: a read, recorded before it is shown (a filter-2 view is not).
        await reads.RecordAsync(situation, who.Member, withHistory ? AuditChannel.TeamsCard : AuditChannel.TeamsCardRefresh, cancellationToken);
        if (!withHistory) return card;
        var coChairReads = await reads.CoChairsWhoReadAsync(situation.Id, cancellationToken);
        var readerAgencies = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var read in coChairReads)
        {
            if (await roster.FindMemberByEmailAsync(read.MemberEmail, cancellationToken) is { } reader) readerAgencies[read.MemberEmail] = reader.AgencyId;
        }
        return SituationHistory.AddTo(card, situation, table, agencies, catalogue, coChairReads, readerAgencies);
    }

    private async Task<AdaptiveCard> ConcludeAsync(CardAction action, TurnMember who, CancellationToken cancellationToken)
    {
        if (action.Text("situationId") is not { } situationId) return Malformed();
        var outcome = await workflow.ConcludeAsync(situationId, action.Text(SituationCard.OutcomeInput), who.Member, cancellationToken);
        if (outcome.NotFound) return NoticeCard.SituationNotFound();
        return outcome.Succeeded
            ? await CardForAsync(outcome.Situation!, who, inChannel: false, cancellationToken)
            : await RefusedAsync("NotConcluded", outcome.Result!, cancellationToken);
    }

    /// <summary>
    /// A co-chair's agency change from the card's form: the updated card with its history, or a notice that says why not
    /// (not a co-chair of this table, agency not on the table's roster, already on the situation, concluded).
    /// </summary>
    private async Task<AdaptiveCard> ChangeAgenciesAsync(CardAction action, TurnMember who, CancellationToken cancellationToken)
    {
        if (action.Text("situationId") is not { } situationId) return Malformed();
        var agencyId = action.Text(AgencyChangeForm.AgencyInput);
        if (agencyId is null) return NoticeCard.Build(Texts.Get("Refused.NotChanged"), Texts.Get("Change.AgencyError"), isError: true);
        Task<WorkflowOutcome>? change = action.Text(AgencyChangeForm.ChangeInput) switch
        {
            AgencyChangeForm.NewLead => workflow.ChangeLeadAsync(situationId, agencyId, who.Member, cancellationToken),
            AgencyChangeForm.AddAssisting => workflow.AddAssistingAsync(situationId, agencyId, who.Member, cancellationToken),
            AgencyChangeForm.Release => workflow.ReleaseAsync(situationId, agencyId, who.Member, cancellationToken),
            AgencyChangeForm.AskAgain => workflow.AskAgainAsync(situationId, agencyId, who.Member, cancellationToken),
            _ => null,
        };
        if (change is null) return NoticeCard.Build(Texts.Get("Refused.NotChanged"), Texts.Get("Change.WhatError"), isError: true);

        var outcome = await change;
        if (outcome.NotFound) return NoticeCard.SituationNotFound();
        return outcome.Succeeded
            ? await CardForAsync(outcome.Situation!, who, inChannel: false, cancellationToken)
            : await RefusedAsync("NotChanged", outcome.Result!, cancellationToken);
    }

    private async Task<AdaptiveCard> ReopenAsync(CardAction action, TurnMember who, CancellationToken cancellationToken)
    {
        if (action.Text("situationId") is not { } situationId) return Malformed();
        var outcome = await workflow.ReopenAsync(situationId, who.Member, cancellationToken);
        if (outcome.NotFound) return NoticeCard.SituationNotFound();
        return outcome.Succeeded
            ? await CardForAsync(outcome.Situation!, who, inChannel: false, cancellationToken)
            : await RefusedAsync("NotReopened", outcome.Result!, cancellationToken);
    }

    private Task<SituationCardContext> ContextAsync(Situation situation, CancellationToken cancellationToken) =>
        SituationCardContext.LoadAsync(roster, situation, cancellationToken);

    /// <summary>A refusal in the reader's language, under a title that says what did not happen (<c>Refused.{title}</c>).</summary>
    private async Task<AdaptiveCard> RefusedAsync(string title, SituationResult refused, CancellationToken cancellationToken)
    {
        var agencies = (await roster.AgenciesAsync(cancellationToken)).ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
        return NoticeCard.Build(Texts.Get($"Refused.{title}"), RefusalText.Of(refused, agencies), isError: true);
    }

    private static AdaptiveCard Malformed() => NoticeCard.Of("ButtonDataMissing", isError: true);
}
