using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Teams.Bot;
using FocusBot.Teams.Cards;
using FocusBot.Teams.Cards.Situations;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Situations;

/// <summary>
/// Reporting back: the update form (from a card's "Post update", or <c>update &lt;id&gt;</c>), and what happens when
/// it is submitted. Updates are posted only in a personal chat, since their notes are not for the table's channel.
/// </summary>
public sealed class UpdateCardActions(
    SituationWorkflow workflow,
    SituationListing listing,
    IRosterStore roster,
    SituationCatalogue catalogue)
{
    /// <summary>How many situations "update" without an id offers; more than that, and the member types the id.</summary>
    public const int MaxChoices = 10;

    public async Task<AdaptiveCard> FormAsync(string? situationId, TurnMember who, bool inChannel, CancellationToken cancellationToken)
    {
        if (inChannel) return NoticeCard.Of("UpdatePersonalOnly", isError: false);
        if (situationId is null) return await ChooseAsync(who, cancellationToken);

        var situation = await workflow.FindVisibleAsync(situationId, who.Member, cancellationToken);
        if (situation is null) return NoticeCard.SituationNotFound();
        if (situation.RefusePostingBy(who.Member) is { } refused)
        {
            var agencies = (await roster.AgenciesAsync(cancellationToken)).ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
            return NoticeCard.Build(Texts.Get("Refused.CannotPostUpdate"), RefusalText.Of(refused, agencies), isError: true);
        }

        var table = await roster.FindTableAsync(situation.TableId, cancellationToken);
        return table is null
            ? NoticeCard.SituationNotFound()
            : UpdateForm.Build(situation, table, catalogue, situation.WouldBeFortyEightHourUpdateFrom(AgencyOf(situation, who.Member)));
    }

    public async Task<AdaptiveCard> PostAsync(CardAction action, TurnMember who, bool inChannel, CancellationToken cancellationToken)
    {
        if (inChannel) return NoticeCard.Of("UpdatePersonalOnly", isError: false);
        if (action.Text("situationId") is not { } situationId)
        {
            return NoticeCard.Of("FormDataMissing", isError: true);
        }

        // The agency is always the member's own: any agency id in the card data is ignored.
        var typed = new UpdateFormValues(action.Text(UpdateForm.Kind), action.TypedText(UpdateForm.Note),
            action.TypedText(UpdateForm.NextStep), action.List(UpdateForm.Barriers)) { Services = action.List(UpdateForm.Services) };
        var submissionId = action.SubmissionId(UpdateForm.SubmissionId);
        var outcome = await workflow.PostUpdateAsync(situationId, who.Member, typed.Kind, typed.Note, typed.NextStep, typed.Barriers,
            cancellationToken, submissionId, typed.Services);
        if (outcome.NotFound) return NoticeCard.SituationNotFound();

        var situation = outcome.Situation!;
        var (table, agencies) = await SituationCardContext.LoadAsync(roster, situation, cancellationToken);
        if (table is null) return NoticeCard.SituationNotFound();
        if (!outcome.Succeeded)
        {
            return UpdateForm.Build(situation, table, catalogue, situation.WouldBeFortyEightHourUpdateFrom(AgencyOf(situation, who.Member)),
                typed, RefusalText.Of(outcome.Result!, agencies), submissionId);
        }

        return UpdatePostedCard.Build(situation, table, agencies, catalogue, outcome.Result!.PostedUpdate!);
    }

    /// <summary>"update" without an id: the active situations this member may report on, most urgent first.</summary>
    private async Task<AdaptiveCard> ChooseAsync(TurnMember who, CancellationToken cancellationToken)
    {
        var yours = await listing.AwaitingUpdateFromAsync(who.Member, cancellationToken);
        if (yours.Count == 0)
        {
            return NoticeCard.Of("NoUpdateToPost", isError: false);
        }

        var example = Examples.Command("Command.PostUpdate.Title", yours[0].Id);
        var card = new AdaptiveCard()
            .Heading(Texts.Get("ChooseUpdate.Heading"))
            .Text(yours.Count > MaxChoices
                ? Texts.Get("ChooseUpdate.MostUrgent", MaxChoices, yours.Count, example)
                : Texts.Get("ChooseUpdate.ChooseOne", example), subtle: true);
        foreach (var s in yours.Take(MaxChoices))
        {
            var title = Texts.Get(s.WouldBeFortyEightHourUpdateFrom(AgencyOf(s, who.Member)) ? "ChooseUpdate.FortyEight" : "ChooseUpdate.Update", s.Id);
            card.Add(new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new System.Text.Json.Nodes.JsonArray { Actions.Execute(title, SituationVerbs.UpdateForm, new { situationId = s.Id }) },
            });
        }

        return card;
    }

    private static string AgencyOf(Situation situation, Member member) => situation.AssignmentOf(member.AgencyId)?.AgencyId ?? member.AgencyId;
}
