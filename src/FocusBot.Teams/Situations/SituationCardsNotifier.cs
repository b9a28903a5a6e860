using FocusBot.Core.Catalogue;
using FocusBot.Core.Conversations;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Teams.Cards.Situations;
using Microsoft.Extensions.Logging;

namespace FocusBot.Teams.Situations;

/// <summary>What reached whom when a situation was recorded (shown to the co-chair who recorded it).</summary>
public sealed record RecordingDelivery(int RepsReached, IReadOnlyList<string> Unreachable, bool PostedInChannel);

/// <summary>
/// Posts a situation's cards when it is recorded (the de-identified card in the table's channel, a personal card to
/// each rep of the named agencies) and updates every posted copy in place whenever it changes.
/// </summary>
public sealed class SituationCardsNotifier(
    IChatSender chat,
    ISituationStore situations,
    IConversationStore conversations,
    IRosterStore roster,
    SituationCatalogue catalogue,
    TimeProvider time,
    ILogger<SituationCardsNotifier> logger) : ISituationNotifier
{
    /// <summary>Set by the last <see cref="SituationRecordedAsync"/> of this turn.</summary>
    public RecordingDelivery? LastRecording { get; private set; }

    public async Task SituationRecordedAsync(Situation situation, CancellationToken cancellationToken)
    {
        var (table, agencies) = await ContextOfAsync(situation, cancellationToken);
        if (table is null) return;

        var postedInChannel = false;
        if (await conversations.FindTableChannelAsync(table.Id, cancellationToken) is { } channel)
        {
            var card = SituationCard.Build(situation, table, agencies, catalogue, new SituationCardViewer(SituationAccess.TableView, null, true), time.GetUtcNow());
            postedInChannel = await PostAsync(situation, channel, card.ToString(), cancellationToken);
        }

        var (reached, unreachable) = await SendPersonalCardsAsync(situation, table, agencies,
            situation.Assignments.Select(a => a.AgencyId), cancellationToken);
        LastRecording = new RecordingDelivery(reached, unreachable, postedInChannel);
        if (unreachable.Count > 0)
        {
            await TellCoChairsAsync(table,
                $"FocusBot could not reach {string.Join(", ", unreachable)} with the card for {situation.Id}: they have not " +
                "installed FocusBot yet, or Teams refused. Please let them know at the table.", cancellationToken);
        }
    }

    /// <summary>
    /// After any change: every posted copy of the card is updated in place. The reps of agencies the change asked
    /// (<see cref="SituationResult.NewlyAsked"/>) get the card in their personal chat; those of agencies it released
    /// (<see cref="SituationResult.Released"/>) and the co-chairs are told in a sentence.
    /// </summary>
    public async Task SituationChangedAsync(Situation situation, SituationResult change, CancellationToken cancellationToken)
    {
        var (table, agencies) = await ContextOfAsync(situation, cancellationToken);
        if (table is null) return;

        foreach (var posted in await situations.CardsOfAsync(situation.Id, cancellationToken))
        {
            var viewer = posted.Address.Kind == ConversationKind.Channel
                ? new SituationCardViewer(SituationAccess.TableView, null, true)
                : await PersonalViewerAsync(situation, posted.Address.Key, cancellationToken);
            if (viewer is null) continue;
            var card = SituationCard.Build(situation, table, agencies, catalogue, viewer, time.GetUtcNow());
            var result = await chat.UpdateAsync(posted.Address, posted.ActivityId, new OutgoingMessage(null, card.ToString()), cancellationToken);
            if (!result.IsDelivered)
                logger.LogWarning("Could not update the card of {Situation} in {Conversation}: {Status}.", situation.Id, posted.Address, result.Status);
        }

        if (change.NewlyAsked.Count > 0 || change.Released.Count > 0)
        {
            await TellAgenciesConcernedAsync(situation, change, table, agencies, cancellationToken);
        }

        if (change.LeadDeclined)
        {
            var lead = situation.LeadAssignment!;
            var agency = agencies.TryGetValue(lead.AgencyId, out var a) ? a.Name : lead.AgencyId;
            await TellCoChairsAsync(table,
                $"{agency} declined to lead {situation.Id}. Reason: {lead.DeclineReason}. Please name another lead agency (or ask it again) with **Change agencies** on the situation's card in your chat with FocusBot.", cancellationToken);
        }

        if (change.PostedUpdate is { } update)
        {
            // Personal chats only: the co-chairs may read the note, the table's channel may not.
            await TellCoChairsAsync(table, UpdateMessage(situation, update, table, agencies), cancellationToken, except: update.ByEmail);
        }
    }

    private async Task TellAgenciesConcernedAsync(Situation situation, SituationResult change, Table table,
        IReadOnlyDictionary<string, Agency> agencies, CancellationToken cancellationToken)
    {
        var (_, unreachable) = await SendPersonalCardsAsync(situation, table, agencies, change.NewlyAsked, cancellationToken);
        var released = change.Released.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var rep in (await roster.MembersOfTableAsync(table.Id, cancellationToken))
                     .Where(m => m.Role != MemberRole.Admin && released.Contains(m.AgencyId)
                         && !situation.Involves(m.AgencyId)))
        {
            var result = await chat.SendAsync(ConversationAddress.Personal(rep.Email), new OutgoingMessage(
                $"A co-chair released {AgencyNames.Of(agencies, rep.AgencyId)} from {situation.Id}: your agency has no part in it any more. Thank you."),
                cancellationToken);
            if (!result.IsDelivered) logger.LogWarning("Could not tell {Rep} that their agency was released: {Status}.", rep.Email, result.Status);
        }

        var asked = string.Join(", ", change.NewlyAsked.Select(a => AgencyNames.Of(agencies, a)));
        var notice = AgencyNames.InMessage(agencies, change.Message);
        if (asked.Length > 0) notice += $" The card went to the representatives of {asked}.";
        if (unreachable.Count > 0) notice += $" FocusBot could not reach {string.Join(", ", unreachable)}: please let them know.";
        await TellCoChairsAsync(table, notice, cancellationToken);
    }

    /// <summary>Sends the situation's personal card to every rep (and co-chair) at the table of the given agencies.</summary>
    /// <returns>How many were reached, and the e-mails of those who were not.</returns>
    private async Task<(int Reached, List<string> Unreachable)> SendPersonalCardsAsync(Situation situation, Table table,
        IReadOnlyDictionary<string, Agency> agencies, IEnumerable<string> agencyIds, CancellationToken cancellationToken)
    {
        var named = agencyIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var reached = 0;
        var unreachable = new List<string>();
        foreach (var rep in (await roster.MembersOfTableAsync(table.Id, cancellationToken))
                     .Where(m => m.Role != MemberRole.Admin && named.Contains(m.AgencyId)))
        {
            var card = SituationCard.Build(situation, table, agencies, catalogue, new SituationCardViewer(SituationAccess.Full, rep, false), time.GetUtcNow());
            if (await PostAsync(situation, ConversationAddress.Personal(rep.Email), card.ToString(), cancellationToken)) reached++;
            else unreachable.Add(rep.Email);
        }

        return (reached, unreachable);
    }

    private string UpdateMessage(Situation situation, SituationUpdate update, Table table, IReadOnlyDictionary<string, Agency> agencies)
    {
        var agency = agencies.TryGetValue(update.AgencyId, out var a) ? a.Name : update.AgencyId;
        var what = update.IsFortyEightHourUpdate
            ? $"the 48-hour update on {situation.Id} ({(update.WasOnTime == true ? "on time" : "late")})"
            : $"an update on {situation.Id}";
        var message = $"{agency} posted {what}, {TableTime.Describe(update.At, table)}: {catalogue.UpdateKinds.LabelOf(update.KindId)}.\n\nNote: {update.Note}";
        if (update.NextStep is { } nextStep) message += $"\n\nNext step: {nextStep}";
        if (update.BarrierIds.Count > 0) message += $"\n\nBarriers: {string.Join(", ", update.BarrierIds.Select(catalogue.Barriers.LabelOf))}";
        return message;
    }

    private async Task<SituationCardViewer?> PersonalViewerAsync(Situation situation, string email, CancellationToken cancellationToken)
    {
        var member = await roster.FindMemberByEmailAsync(email, cancellationToken);
        var access = SituationVisibility.For(member, situation);
        return access == SituationAccess.None ? null : new SituationCardViewer(access, member, false);
    }

    private async Task<bool> PostAsync(Situation situation, ConversationAddress address, string card, CancellationToken cancellationToken)
    {
        var result = await chat.SendAsync(address, new OutgoingMessage(null, card), cancellationToken);
        if (!result.IsDelivered || result.ActivityId is null)
        {
            logger.LogWarning("The card of {Situation} did not reach {Conversation}: {Status}.", situation.Id, address, result.Status);
            return false;
        }
        await situations.RecordCardAsync(situation.Id, new PostedCard(address, result.ActivityId), cancellationToken);
        return true;
    }

    private async Task TellCoChairsAsync(Table table, string message, CancellationToken cancellationToken, string? except = null)
    {
        foreach (var coChair in (await roster.MembersOfTableAsync(table.Id, cancellationToken))
                     .Where(m => m.IsCoChairOf(table.Id) && !string.Equals(m.Email, except, StringComparison.OrdinalIgnoreCase)))
        {
            var result = await chat.SendAsync(ConversationAddress.Personal(coChair.Email), new OutgoingMessage(message), cancellationToken);
            if (!result.IsDelivered) logger.LogWarning("Could not tell co-chair {CoChair}: {Status}.", coChair.Email, result.Status);
        }
    }

    private async Task<SituationCardContext> ContextOfAsync(Situation situation, CancellationToken cancellationToken)
    {
        var context = await SituationCardContext.LoadAsync(roster, situation, cancellationToken);
        if (context.Table is null) logger.LogWarning("Situation {Situation} names table {Table}, which is no longer on the roster.", situation.Id, situation.TableId);
        return context;
    }
}
