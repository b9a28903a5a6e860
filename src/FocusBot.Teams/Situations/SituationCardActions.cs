using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Teams.Bot;
using FocusBot.Teams.Cards;
using FocusBot.Teams.Cards.Situations;

namespace FocusBot.Teams.Situations;

/// <summary>
/// What happens when someone clicks a situation card's button: accept, decline, record, refresh, view. Each returns
/// the card that the clicker sees next; nothing here throws for bad card data.
/// </summary>
public sealed class SituationCardActions(
    SituationWorkflow workflow,
    IRosterStore roster,
    SituationCatalogue catalogue,
    SituationCardsNotifier notifier,
    TimeProvider time)
{
    public async Task<AdaptiveCard> RunAsync(CardAction action, TurnMember who, bool inChannel, CancellationToken cancellationToken) =>
        action.Verb switch
        {
            SituationVerbs.Accept => await AcceptAsync(action, who, cancellationToken),
            SituationVerbs.Decline => await DeclineAsync(action, who, cancellationToken),
            SituationVerbs.Record => await RecordAsync(action, who, cancellationToken),
            SituationVerbs.Refresh or SituationVerbs.View => await ViewAsync(action.Text("situationId"), who, inChannel, cancellationToken),
            SituationVerbs.UpdateForm => NoticeCard.Build("Not available yet",
                "Posting updates from a card is not available yet in this version of FocusBot.", isError: false),
            _ => NoticeCard.Build("Unknown button", "That button is not one of FocusBot's. Type **help** to see what I can do.", isError: true),
        };

    public async Task<AdaptiveCard> NewSituationFormAsync(TurnMember who, CancellationToken cancellationToken)
    {
        var chaired = who.Tables.Where(t => who.Member.IsCoChairOf(t.Id)).ToList();
        if (chaired.Count == 0)
            return NoticeCard.Build("Co-chairs only", "Only a table's co-chair can record a situation.", isError: true);
        return NewSituationForm.Build(chaired, await roster.AgenciesAsync(cancellationToken), catalogue);
    }

    private async Task<AdaptiveCard> AcceptAsync(CardAction action, TurnMember who, CancellationToken cancellationToken)
    {
        var (situationId, agencyId) = (action.Text("situationId"), action.Text("agencyId"));
        if (situationId is null || agencyId is null) return Malformed();

        var outcome = await workflow.AcceptAsync(situationId, agencyId, who.Member, cancellationToken);
        if (outcome.NotFound) return NoticeCard.SituationNotFound();
        var situation = outcome.Situation!;
        if (!outcome.Succeeded) return NoticeCard.Build("Not accepted", outcome.Result!.Message, isError: true);

        var (table, agencies) = await ContextAsync(situation, cancellationToken);
        var assignment = situation.AssignmentOf(agencyId)!;
        var agency = agencies.GetValueOrDefault(assignment.AgencyId) ?? new Agency { Id = assignment.AgencyId, Name = assignment.AgencyId, Sector = "" };
        var asLead = assignment.Role == AssignmentRole.Lead;
        return AssignmentConfirmationCard.Build(situation, table!, agency, asLead, asLead ? situation.UpdateDueAt : null);
    }

    private async Task<AdaptiveCard> DeclineAsync(CardAction action, TurnMember who, CancellationToken cancellationToken)
    {
        var (situationId, agencyId) = (action.Text("situationId"), action.Text("agencyId"));
        if (situationId is null || agencyId is null) return Malformed();

        var outcome = await workflow.DeclineAsync(situationId, agencyId, action.TypedText("reason"), who.Member, cancellationToken);
        if (outcome.NotFound) return NoticeCard.SituationNotFound();
        return outcome.Succeeded
            ? NoticeCard.Build("Declined", $"You declined {outcome.Situation!.Id} for your agency. The co-chairs can see your reason.", isError: false)
            : NoticeCard.Build("Not declined", outcome.Result!.Message, isError: true);
    }

    private async Task<AdaptiveCard> RecordAsync(CardAction action, TurnMember who, CancellationToken cancellationToken)
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
        };
        var outcome = await workflow.RecordAsync(request, who.Member, cancellationToken);
        if (outcome.Situation is not { } situation)
        {
            var chaired = who.Tables.Where(t => who.Member.IsCoChairOf(t.Id)).ToList();
            if (chaired.Count == 0) return NoticeCard.Build("Co-chairs only", "Only a table's co-chair can record a situation.", isError: true);
            return NewSituationForm.Build(chaired, await roster.AgenciesAsync(cancellationToken), catalogue, request, outcome.Problems);
        }

        var (table, agencies) = await ContextAsync(situation, cancellationToken);
        var delivery = notifier.LastRecording ?? new RecordingDelivery(0, [], false);
        return RecordedCard.Build(situation, table!, agencies, delivery.RepsReached, delivery.Unreachable);
    }

    public async Task<AdaptiveCard> ViewAsync(string? situationId, TurnMember who, bool inChannel, CancellationToken cancellationToken)
    {
        if (situationId is null) return Malformed();
        var situation = await workflow.FindVisibleAsync(situationId, who.Member, cancellationToken);
        if (situation is null) return NoticeCard.SituationNotFound();
        var (table, agencies) = await ContextAsync(situation, cancellationToken);
        var access = inChannel ? SituationAccess.TableView : SituationVisibility.For(who.Member, situation);
        return SituationCard.Build(situation, table!, agencies, catalogue, new SituationCardViewer(access, who.Member, inChannel), time.GetUtcNow());
    }

    private Task<SituationCardContext> ContextAsync(Situation situation, CancellationToken cancellationToken) =>
        SituationCardContext.LoadAsync(roster, situation, cancellationToken);

    private static AdaptiveCard Malformed() =>
        NoticeCard.Build("Something is missing", "That button's data is incomplete. Open the situation again with **situation <id>**.", isError: true);
}
