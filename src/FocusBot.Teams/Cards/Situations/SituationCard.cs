using System.Text.Json.Nodes;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Cards.Situations;

/// <summary>Who is looking at a situation card, and where.</summary>
/// <param name="Access">What the viewer may see of this situation (<see cref="SituationVisibility.For"/>).</param>
/// <param name="Member">The viewer, when known; their agency decides which buttons they get.</param>
/// <param name="InChannel">The table's channel, where every member sees the same filter-2 copy.</param>
public sealed record SituationCardViewer(SituationAccess Access, Member? Member, bool InChannel)
{
    /// <summary>The copy the bot posts (and updates in place) in the table's channel.</summary>
    public static SituationCardViewer Channel { get; } = new(SituationAccess.TableView, null, true);

    /// <summary>A member reading the card in their personal chat with the bot.</summary>
    public static SituationCardViewer InPersonalChat(Member member, Situation situation) =>
        new(SituationVisibility.For(member, situation), member, false);

    /// <summary>The history (<see cref="SituationHistory.AddTo"/>) is added under the card: it lists every update, so the card does not repeat the latest one.</summary>
    public bool HistoryFollows { get; init; }
}

/// <summary>
/// A situation as one viewer may see it. The channel copy and members who only sit at the table get what filter 2
/// shares (no summary, no decline reasons, no update notes); the agencies on the situation and the co-chairs, in
/// their personal chat, also get the summary and the latest update, and the buttons their agency needs.
/// </summary>
public static class SituationCard
{
    /// <summary>The conclude form's input: an outcome id from the catalogue.</summary>
    public const string OutcomeInput = "outcome";

    /// <param name="confirmation">A line said first, in bold (e.g. "You accepted … as lead"), when the card answers an action.</param>
    /// <param name="confirmationSaysDue">The confirmation already gives when the 48-hour update is due: the facts do not say it again.</param>
    public static AdaptiveCard Build(Situation s, Table table, IReadOnlyDictionary<string, Agency> agencies,
        SituationCatalogue catalogue, SituationCardViewer viewer, DateTimeOffset now, string? confirmation = null, bool confirmationSaysDue = false)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(viewer);

        if (!viewer.InChannel && viewer.Access == SituationAccess.None)
        {
            return NoticeCard.SituationNotFound();
        }

        var full = !viewer.InChannel && viewer.Access == SituationAccess.Full;
        var showDeclineReasons = full && viewer.Member?.IsCoChairOf(s.TableId) == true;

        var (status, color) = Status(s, agencies, catalogue, now);
        var card = new AdaptiveCard().Heading(Texts.Get("Situation.Heading", s.Id, table.Name));
        if (confirmation is not null) card.Add(Element.Text(confirmation, weight: "Bolder"));
        card.Add(Element.Text(status, weight: "Bolder", color: color))
            .Facts(Facts(s, table, agencies, catalogue, now, showDeclineReasons, showDue: !confirmationSaysDue));

        if (full)
        {
            AddSummaryAndLatestUpdate(card, s, table, agencies, catalogue, withLatestUpdate: !viewer.HistoryFollows);
        }

        if (!viewer.InChannel)
        {
            AddButtons(card, s, agencies, catalogue, viewer, full);
            card.RefreshWith(SituationVerbs.Refresh, new { situationId = s.Id });
        }

        return card;
    }

    /// <summary>One line that says in words where the situation stands; <c>Attention</c> (red) as well when someone must act now.</summary>
    public static (string Text, string? Color) Status(Situation s, IReadOnlyDictionary<string, Agency> agencies,
        SituationCatalogue catalogue, DateTimeOffset now)
    {
        if (s.Status == SituationStatus.Concluded)
        {
            return (s.OutcomeId is null ? Texts.Get("Status.Concluded") : Texts.Get("Status.ConcludedWith", catalogue.Outcomes.LocalLabelOf(s.OutcomeId)), null);
        }

        if (s.Status == SituationStatus.NotAer)
        {
            return (Texts.Get("Status.NotAer"), null);
        }

        if (s.Status == SituationStatus.Open)
        {
            return s.LeadAssignment?.State == AssignmentState.Declined
                ? (Texts.Get("Status.LeadDeclined"), "Attention")
                : (Texts.Get("Status.WaitingForLead"), null);
        }

        if (s.Updates.FirstOrDefault(u => u.IsFortyEightHourUpdate) is { } fortyEightHourUpdate)
        {
            return fortyEightHourUpdate.WasOnTime == true
                ? (Texts.Get("Status.UpdateOnTime"), null)
                : (Texts.Get("Status.UpdateLate"), null);
        }

        if (s.UpdateDueAt is { } due && now > due)
        {
            return (Texts.Get("Status.UpdateOverdue"), "Attention");
        }

        return (Texts.Get("Status.Active", AgencyNames.Of(agencies, s.LeadAgencyId)), null);
    }

    private static IEnumerable<(string, string)> Facts(Situation s, Table table, IReadOnlyDictionary<string, Agency> agencies,
        SituationCatalogue catalogue, DateTimeOffset now, bool showDeclineReasons, bool showDue)
    {
        yield return (Texts.Get("Fact.Type"), catalogue.SituationTypes.LocalLabelOf(s.TypeId));
        yield return (Texts.Get("Fact.AgeGroup"), catalogue.AgeGroups.LocalLabelOf(s.AgeGroupId));
        yield return (Texts.Get("Fact.Gender"), catalogue.Genders.LocalLabelOf(s.GenderId));
        yield return (Texts.Get("Fact.RiskFactors"), string.Join(", ", s.RiskFactorIds.Select(catalogue.RiskFactors.LocalLabelOf)));
        yield return (Texts.Get("Fact.OriginatingAgency"), AgencyNames.Of(agencies, s.OriginatingAgencyId));
        if (s.LeadAssignment is { } lead)
        {
            yield return (Texts.Get("Fact.LeadAgency"), Answer(lead, agencies, showDeclineReasons));
        }

        foreach (var assisting in s.AssistingAssignments)
        {
            yield return (Texts.Get("Fact.AssistingAgency"), Answer(assisting, agencies, showDeclineReasons));
        }

        yield return (Texts.Get("Fact.Recorded"), Texts.Get("Fact.RecordedValue",
            DaysAgo(TableTime.Today(now, table).DayNumber - s.DiscussedOn.DayNumber), TableTime.Describe(s.DiscussedOn)));
        if (showDue && s.Status == SituationStatus.Active && !s.HasFortyEightHourUpdate && s.UpdateDueAt is { } due)
        {
            yield return (Texts.Get("Fact.UpdateDue"), TableTime.Describe(due, table));
        }
    }

    private static string Answer(Assignment assignment, IReadOnlyDictionary<string, Agency> agencies, bool showDeclineReason)
    {
        var name = AgencyNames.Of(agencies, assignment.AgencyId);
        return assignment.State switch
        {
            AssignmentState.Accepted => Texts.Get("Answer.Accepted", name),
            AssignmentState.Declined when showDeclineReason && assignment.DeclineReason is { } reason => Texts.Get("Answer.DeclinedBecause", name, UserText.ForCard(reason)),
            AssignmentState.Declined => Texts.Get("Answer.Declined", name),
            _ => Texts.Get("Answer.Waiting", name),
        };
    }

    private static string DaysAgo(int days) => days switch
    {
        <= 0 => Texts.Get("Days.Today"),
        _ => Texts.Count("Days.Ago", days),
    };

    private static void AddSummaryAndLatestUpdate(AdaptiveCard card, Situation s, Table table,
        IReadOnlyDictionary<string, Agency> agencies, SituationCatalogue catalogue, bool withLatestUpdate)
    {
        if (s.Summary is { } summary)
        {
            card.Add(Element.Text(Texts.Get("Situation.Summary"), weight: "Bolder"));
            card.Text(UserText.ForCard(summary));
        }

        if (withLatestUpdate && s.Updates.Count > 0)
        {
            var latest = s.Updates[^1];
            // The status line already says whether the 48-hour update came on time: this is what it said.
            card.Add(Element.Text(Texts.Get("Situation.LatestUpdate", catalogue.UpdateKinds.LocalLabelOf(latest.KindId),
                AgencyNames.Of(agencies, latest.AgencyId), TableTime.Describe(latest.At, table)), weight: "Bolder"));
            card.Text(UserText.ForCard(latest.Note));
            if (latest.NextStep is { } nextStep)
            {
                card.Text(Texts.Get("Update.NextStepLine", UserText.ForCard(nextStep)), subtle: true);
            }
        }
    }

    private static void AddButtons(AdaptiveCard card, Situation s, IReadOnlyDictionary<string, Agency> agencies, SituationCatalogue catalogue,
        SituationCardViewer viewer, bool full)
    {
        var member = viewer.Member;
        var assignment = member is null ? null : s.AssignmentOf(member.AgencyId);
        if (s.AssignmentToAnswer(member) is { } toAnswer)
        {
            var answer = new { situationId = s.Id, agencyId = toAnswer.AgencyId };
            // One button a row, in the body: as the card's own actions Teams lays them in one row, and at a phone's
            // width "Accepter comme responsable" beside "Refuser" are both cut.
            card.Add(Element.ActionSet(AcceptAction(s.Id, toAnswer)));
            card.Add(Element.ActionSet(Actions.ShowCard(Texts.Get("Action.Decline"), DeclineForm(answer))));
        }

        if (full && s.Status == SituationStatus.Active && assignment is { State: AssignmentState.Accepted })
        {
            card.Action(Actions.Execute(Texts.Get("Action.PostUpdate"), SituationVerbs.UpdateForm, new { situationId = s.Id }));
        }

        // No "View situation" here: this card is the situation; its history comes with "situation <id>".

        if (full && member?.IsCoChairOf(s.TableId) == true && s.Status != SituationStatus.NotAer)
        {
            // One a row in the body, as the rep's answers: side by side, "Changer les organismes" and "Conclure" are cut at a phone's width.
            if (s.Status != SituationStatus.Concluded)
            {
                card.Add(Element.ActionSet(Actions.ShowCard(Texts.Get("Action.ChangeAgencies"), AgencyChangeForm.Build(s, agencies.Values))));
            }

            card.Add(Element.ActionSet(s.Status == SituationStatus.Concluded
                ? Actions.Execute(Texts.Get("Action.Reopen"), SituationVerbs.Reopen, new { situationId = s.Id })
                : Actions.ShowCard(Texts.Get("Action.Conclude"), ConcludeForm(s, catalogue))));
        }
    }

    /// <summary>"Accept as lead" or "Accept as assisting" for the assignment the viewer's agency has to answer.</summary>
    public static System.Text.Json.Nodes.JsonObject AcceptAction(string situationId, Assignment toAnswer) =>
        Actions.Execute(Texts.Get(toAnswer.Role == AssignmentRole.Lead ? "Action.AcceptLead" : "Action.AcceptAssisting"), SituationVerbs.Accept,
            new { situationId, agencyId = toAnswer.AgencyId }, style: "positive");

    /// <summary>A co-chair closes the situation with one of the table's RTD-style outcomes.</summary>
    private static AdaptiveCard ConcludeForm(Situation s, SituationCatalogue catalogue)
    {
        var outcome = Element.ChoiceInput(OutcomeInput, Texts.Get("Conclude.Outcome"), catalogue.Outcomes.Select(o => (o.Id, o.LocalLabel)), required: true);
        outcome["errorMessage"] = Texts.Get("Conclude.OutcomeError");
        return new AdaptiveCard()
            .Add(outcome)
            .Text(Texts.Get("Conclude.Note"), subtle: true)
            .Action(Actions.Execute(Texts.Get("Action.Conclude"), SituationVerbs.Conclude, new { situationId = s.Id }, style: "destructive"));
    }

    private static AdaptiveCard DeclineForm(object answer)
    {
        var reason = Element.TextInput("reason", Texts.Get("Decline.Reason"), multiline: true,
            maxLength: Situation.MaxDeclineReasonLength, required: true,
            placeholder: Texts.Get("Decline.Placeholder"),
            error: Texts.Get("Decline.Error", Situation.MinDeclineReasonLength, Situation.MaxDeclineReasonLength));
        reason["regex"] = JsonValue.Create(
            $@"^\s*\S[\s\S]{{{Situation.MinDeclineReasonLength - 2},{Situation.MaxDeclineReasonLength - 2}}}\S\s*$");
        return new AdaptiveCard()
            .Add(reason)
            .Text(Texts.Get("Decline.Note"), subtle: true)
            .Action(Actions.Execute(Texts.Get("Action.Decline"), SituationVerbs.Decline, answer, style: "destructive"));
    }
}
