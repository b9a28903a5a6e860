using FocusBot.Core.Catalogue;
using FocusBot.Core.Conversations;
using FocusBot.Core.Deliveries;
using FocusBot.Core.Reminders;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Teams.Cards;
using FocusBot.Teams.Cards.Situations;
using FocusBot.Teams.Localization;
using FocusBot.Teams.Proactive;

namespace FocusBot.Teams.Situations;

/// <summary>
/// Draws each outbox row's message when it is sent, from the situation as it is then and for its one recipient, in
/// the recipient's language (a member's own choice, else their Teams locale; the table's language in its channel):
/// the de-identified card for the table's channel, the card the rep may see in their personal chat, the co-chairs'
/// notices, and the recording co-chair's confirmation with where the cards stand.
/// </summary>
public sealed class SituationDeliveryComposer(
    ISituationStore situations,
    IDeliveryStore deliveries,
    IConversationStore conversations,
    IRosterStore roster,
    SituationCatalogue catalogue,
    TimeProvider time) : IDeliveryComposer
{
    /// <summary>How long a confirmation waits for the situation's cards before it is drawn with whatever they are then.</summary>
    public const int MaxConfirmationChecks = 100;

    public async Task<ComposedDelivery> ComposeAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.Kind == DeliveryKind.Notice) return await CoChairNoticeAsync(delivery, cancellationToken);

        var situation = delivery.SituationId is null ? null : await situations.FindAsync(delivery.SituationId, cancellationToken);
        if (situation is null) return ComposedDelivery.NoLongerApplies($"situation {delivery.SituationId} no longer exists");
        var (table, agencies) = await SituationCardContext.LoadAsync(roster, situation, cancellationToken);
        if (table is null) return ComposedDelivery.NoLongerApplies($"table {situation.TableId} is no longer on the roster");

        using var language = BotLanguage.Scope(await LanguageOfAsync(delivery, table, cancellationToken));
        return delivery.Kind switch
        {
            DeliveryKind.SituationCard when delivery.Recipient == Delivery.TableChannel => await ChannelCardAsync(situation, table, agencies, cancellationToken),
            DeliveryKind.SituationCard => await PersonalCardAsync(delivery, situation, table, agencies, cancellationToken),
            DeliveryKind.CardRefresh => await RedrawAsync(delivery, situation, table, agencies, cancellationToken),
            DeliveryKind.RecordingConfirmation => await ConfirmationAsync(delivery, situation, table, agencies, cancellationToken),
            DeliveryKind.LeadDeclinedNotice => situation.LeadAssignment is null
                ? ComposedDelivery.NoLongerApplies("the situation has no lead agency any more")
                : Notice(delivery, LeadDeclined(situation, agencies)),
            DeliveryKind.AgenciesChangedNotice => Notice(delivery, AgenciesChanged(delivery, situation, agencies)),
            DeliveryKind.AgencyReleasedNotice => Notice(delivery,
                Texts.Get("Notice.Released", AgencyNames.Of(agencies, delivery.Subject ?? ""), situation.Id)),
            DeliveryKind.UpdatePostedNotice => situation.Updates.FirstOrDefault(u => u.Id.ToString() == delivery.Subject) is { } update
                ? Notice(delivery, UpdateMessage(situation, update, table, agencies))
                : ComposedDelivery.NoLongerApplies("the update is no longer kept"),
            _ => Malformed(delivery),
        };
    }

    private async Task<ComposedDelivery> ChannelCardAsync(Situation situation, Table table, IReadOnlyDictionary<string, Agency> agencies,
        CancellationToken cancellationToken)
    {
        if (await conversations.FindTableChannelAsync(table.Id, cancellationToken) is not { } channel)
            return ComposedDelivery.Undeliverable(UndeliveredBecause.NoChannel,
                $"no channel is linked to {table.Name}. A co-chair types \"@FocusBot link {table.Id}\" in the table's channel.");
        var card = SituationCard.Build(situation, table, agencies, catalogue, new SituationCardViewer(SituationAccess.TableView, null, true), time.GetUtcNow());
        return ComposedDelivery.Post(channel, new OutgoingMessage(null, card.ToString())) with { DrawnFromVersion = situation.Version };
    }

    private async Task<ComposedDelivery> PersonalCardAsync(Delivery delivery, Situation situation, Table table,
        IReadOnlyDictionary<string, Agency> agencies, CancellationToken cancellationToken)
    {
        if (To(delivery) is not { Kind: ConversationKind.Personal } to) return Malformed(delivery);
        if (await ViewerAsync(situation, to, cancellationToken) is not { } viewer)
            return ComposedDelivery.NoLongerApplies($"{to.Key} may no longer see {situation.Id}");
        var card = SituationCard.Build(situation, table, agencies, catalogue, viewer, time.GetUtcNow());
        return ComposedDelivery.Post(to, new OutgoingMessage(null, card.ToString())) with { DrawnFromVersion = situation.Version };
    }

    private async Task<ComposedDelivery> RedrawAsync(Delivery delivery, Situation situation, Table table,
        IReadOnlyDictionary<string, Agency> agencies, CancellationToken cancellationToken)
    {
        if (To(delivery) is not { } to || delivery.ActivityId is null) return Malformed(delivery);
        if (await ViewerAsync(situation, to, cancellationToken) is not { } viewer)
            return ComposedDelivery.NoLongerApplies($"{to.Key} may no longer see {situation.Id}");
        var card = SituationCard.Build(situation, table, agencies, catalogue, viewer, time.GetUtcNow());
        return ComposedDelivery.Redraw(to, delivery.ActivityId, new OutgoingMessage(null, card.ToString()));
    }

    private async Task<ComposedDelivery> ConfirmationAsync(Delivery delivery, Situation situation, Table table,
        IReadOnlyDictionary<string, Agency> agencies, CancellationToken cancellationToken)
    {
        if (To(delivery) is not { } to || delivery.ActivityId is null) return Malformed(delivery);
        var report = RecordingReport.From(await deliveries.OfSituationAsync(situation.Id, cancellationToken));
        if (!report.IsFinished && delivery.Attempts < MaxConfirmationChecks)
            return ComposedDelivery.NotYet($"{report.RepsPending.Count} cards still on their way");
        return ComposedDelivery.Redraw(to, delivery.ActivityId, new OutgoingMessage(null, RecordedCard.Build(situation, table, agencies, report).ToString()));
    }

    private async Task<SituationCardViewer?> ViewerAsync(Situation situation, ConversationAddress to, CancellationToken cancellationToken)
    {
        if (to.Kind == ConversationKind.Channel) return new SituationCardViewer(SituationAccess.TableView, null, true);
        var member = await roster.FindMemberByEmailAsync(to.Key, cancellationToken);
        var access = SituationVisibility.For(member, situation);
        return access == SituationAccess.None ? null : new SituationCardViewer(access, member, false);
    }

    /// <summary>A co-chair's notice, worded in their language from its code (a row written before notices were typed: its text as it is).</summary>
    private async Task<ComposedDelivery> CoChairNoticeAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        if (To(delivery) is not { } to) return Malformed(delivery);
        if (CoChairProblem.TryRead(delivery.Text) is not { } notice) return ComposedDelivery.Post(to, new OutgoingMessage(delivery.Text));
        if (await roster.FindTableAsync(delivery.TableId, cancellationToken) is not { } table)
            return ComposedDelivery.NoLongerApplies($"table {delivery.TableId} is no longer on the roster");
        using var language = BotLanguage.Scope(await LanguageOfAsync(delivery, table, cancellationToken));
        return ComposedDelivery.Post(to, new OutgoingMessage(CoChairProblemText.Of(notice, table)));
    }

    public async Task<ComposedDelivery> ComposeGatheredAsync(IReadOnlyList<Delivery> notices, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(notices.Count, 1);
        var lead = notices[0];
        if (To(lead) is not { } to) return Malformed(lead);
        if (await roster.FindTableAsync(lead.TableId, cancellationToken) is not { } table)
            return ComposedDelivery.NoLongerApplies($"table {lead.TableId} is no longer on the roster");
        using var language = BotLanguage.Scope(await LanguageOfAsync(lead, table, cancellationToken));
        var agencyOf = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var email in notices.Select(n => CoChairProblem.TryRead(n.Text)?.MemberEmail).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
            agencyOf[email] = (await roster.FindMemberByEmailAsync(email, cancellationToken))?.AgencyId;
        var agencies = (await roster.AgenciesAsync(cancellationToken)).ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
        var text = GatheredNoticeText.Of(notices.Select(n => n.Text).ToList(), table, email => agencyOf.GetValueOrDefault(email), agencies);
        return ComposedDelivery.Post(to, new OutgoingMessage(text));
    }

    private static ComposedDelivery Notice(Delivery delivery, string text) =>
        To(delivery) is { } to ? ComposedDelivery.Post(to, new OutgoingMessage(text)) : Malformed(delivery);

    private static string LeadDeclined(Situation situation, IReadOnlyDictionary<string, Agency> agencies)
    {
        var lead = situation.LeadAssignment!;
        return Texts.Get("Notice.LeadDeclined", AgencyNames.Of(agencies, lead.AgencyId), situation.Id, UserText.ForCard(lead.DeclineReason?.TrimEnd().TrimEnd('.')),
            Texts.Get("Action.ChangeAgencies"));
    }

    /// <summary>The change, from the event the row names (in the reader's language), and who got the card.</summary>
    private string AgenciesChanged(Delivery delivery, Situation situation, IReadOnlyDictionary<string, Agency> agencies)
    {
        var change = Guid.TryParse(delivery.Text, out var eventId) ? situation.Events.FirstOrDefault(e => e.Id == eventId) : null;
        // A row written before changes were recorded as events carries its sentence.
        var notice = change is null
            ? delivery.Text ?? ""
            : Texts.Get("Notice.AgenciesChanged", situation.Id, SituationHistory.EventText(change, agencies, catalogue));
        var asked = (delivery.Subject ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        return asked.Length == 0 ? notice : Texts.Get("Notice.CardWentTo", notice, string.Join(", ", asked.Select(a => AgencyNames.Of(agencies, a))));
    }

    private string UpdateMessage(Situation situation, SituationUpdate update, Table table, IReadOnlyDictionary<string, Agency> agencies)
    {
        var what = update.IsFortyEightHourUpdate
            ? Texts.Get(update.WasOnTime == true ? "Notice.UpdateWhat.OnTime" : "Notice.UpdateWhat.Late", situation.Id)
            : Texts.Get("Notice.UpdateWhat.Update", situation.Id);
        var message = Texts.Get("Notice.UpdatePosted", AgencyNames.Of(agencies, update.AgencyId), what, TableTime.Describe(update.At, table),
            catalogue.UpdateKinds.LocalLabelOf(update.KindId), UserText.ForCard(update.Note));
        if (update.NextStep is { } nextStep) message += "\n\n" + Texts.Get("Update.NextStepLine", UserText.ForCard(nextStep));
        if (update.BarrierIds.Count > 0)
            message += "\n\n" + Texts.Get("History.Barriers", string.Join(", ", update.BarrierIds.Select(catalogue.Barriers.LocalLabelOf)));
        if (update.ServiceIds.Count > 0)
            message += "\n\n" + Texts.Get("History.Services", string.Join(", ", update.ServiceIds.Select(catalogue.Services.LocalLabelOf)));
        return message;
    }

    /// <summary>The recipient's language: the table's in a channel; a member's own choice, else the locale Teams last reported.</summary>
    private async Task<System.Globalization.CultureInfo> LanguageOfAsync(Delivery delivery, Table table, CancellationToken cancellationToken)
    {
        if (delivery.Recipient == Delivery.TableChannel || To(delivery) is not { Kind: ConversationKind.Personal } to)
            return BotLanguage.Choose(table.Language);
        var member = await roster.FindMemberByEmailAsync(to.Key, cancellationToken);
        return BotLanguage.Choose(member?.Language, member?.TeamsLocale);
    }

    private static ConversationAddress? To(Delivery delivery) => delivery.Address;

    private static ComposedDelivery Malformed(Delivery delivery) =>
        ComposedDelivery.NoLongerApplies($"the row names no conversation FocusBot can write to ({delivery.Recipient})");
}
