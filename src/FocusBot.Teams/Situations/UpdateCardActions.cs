using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Teams.Bot;
using FocusBot.Teams.Cards;
using FocusBot.Teams.Cards.Situations;

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

    public const string PersonalChatOnly =
        "Post updates in your personal chat with FocusBot: an update's note is only for the agencies on the situation and the co-chairs.";

    public async Task<AdaptiveCard> FormAsync(string? situationId, TurnMember who, bool inChannel, CancellationToken cancellationToken)
    {
        if (inChannel) return NoticeCard.Build("Personal chat only", PersonalChatOnly, isError: false);
        if (situationId is null) return await ChooseAsync(who, cancellationToken);

        var situation = await workflow.FindVisibleAsync(situationId, who.Member, cancellationToken);
        if (situation is null) return NoticeCard.SituationNotFound();
        if (situation.RefusePostingBy(who.Member) is { } refused) return NoticeCard.Build("Cannot post an update", refused.Message, isError: true);

        var table = await roster.FindTableAsync(situation.TableId, cancellationToken);
        return table is null
            ? NoticeCard.SituationNotFound()
            : UpdateForm.Build(situation, table, catalogue, situation.WouldBeFortyEightHourUpdateFrom(AgencyOf(situation, who.Member)));
    }

    public async Task<AdaptiveCard> PostAsync(CardAction action, TurnMember who, bool inChannel, CancellationToken cancellationToken)
    {
        if (inChannel) return NoticeCard.Build("Personal chat only", PersonalChatOnly, isError: false);
        if (action.Text("situationId") is not { } situationId)
        {
            return NoticeCard.Build("Something is missing", "That form's data is incomplete. Type **update <id>** to get a new one.", isError: true);
        }

        // The agency is always the member's own: any agency id in the card data is ignored.
        var typed = new UpdateFormValues(action.Text(UpdateForm.Kind), action.TypedText(UpdateForm.Note),
            action.TypedText(UpdateForm.NextStep), action.List(UpdateForm.Barriers)) { Services = action.List(UpdateForm.Services) };
        var submissionId = action.Text(UpdateForm.SubmissionId);
        var outcome = await workflow.PostUpdateAsync(situationId, who.Member, typed.Kind, typed.Note, typed.NextStep, typed.Barriers,
            cancellationToken, submissionId, typed.Services);
        if (outcome.NotFound) return NoticeCard.SituationNotFound();

        var situation = outcome.Situation!;
        var (table, agencies) = await SituationCardContext.LoadAsync(roster, situation, cancellationToken);
        if (table is null) return NoticeCard.SituationNotFound();
        if (!outcome.Succeeded)
        {
            return UpdateForm.Build(situation, table, catalogue, situation.WouldBeFortyEightHourUpdateFrom(AgencyOf(situation, who.Member)),
                typed, AgencyNames.InMessage(agencies, outcome.Result!.Message), submissionId);
        }

        return UpdatePostedCard.Build(situation, table, agencies, catalogue, outcome.Result!.PostedUpdate!);
    }

    /// <summary>"update" without an id: the active situations this member may report on, most urgent first.</summary>
    private async Task<AdaptiveCard> ChooseAsync(TurnMember who, CancellationToken cancellationToken)
    {
        var yours = await listing.AwaitingUpdateFromAsync(who.Member, cancellationToken);
        if (yours.Count == 0)
        {
            return NoticeCard.Build("No update to post",
                "None of your tables' active situations has your agency on it as an accepting agency. Type **open situations** to see what is open.",
                isError: false);
        }

        var card = new AdaptiveCard()
            .Heading("Which situation is your update for?")
            .Text(yours.Count > MaxChoices
                ? $"The {MaxChoices} most urgent of {yours.Count}; for another, type **update <id>**."
                : "Choose one, or type **update <id>**.", subtle: true);
        foreach (var s in yours.Take(MaxChoices))
        {
            var title = s.WouldBeFortyEightHourUpdateFrom(AgencyOf(s, who.Member)) ? $"{s.Id} (48-hour update)" : s.Id;
            card.Add(new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new System.Text.Json.Nodes.JsonArray { Actions.Execute($"Post update on {title}", SituationVerbs.UpdateForm, new { situationId = s.Id }) },
            });
        }

        return card;
    }

    private static string AgencyOf(Situation situation, Member member) => situation.AssignmentOf(member.AgencyId)?.AgencyId ?? member.AgencyId;
}
