using System.Text.Json.Nodes;
using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;

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

    public static AdaptiveCard Build(Situation s, Table table, IReadOnlyDictionary<string, Agency> agencies,
        SituationCatalogue catalogue, SituationCardViewer viewer, DateTimeOffset now)
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
        var card = new AdaptiveCard()
            .Heading($"Situation {s.Id} · {table.Name}")
            .Add(Element.Text(status, weight: "Bolder", color: color))
            .Facts(Facts(s, table, agencies, catalogue, now, showDeclineReasons));

        if (full)
        {
            AddSummaryAndLatestUpdate(card, s, table, agencies, catalogue);
        }

        if (!viewer.InChannel)
        {
            AddButtons(card, s, agencies, catalogue, viewer, full);
            card.RefreshWith(SituationVerbs.Refresh, new { situationId = s.Id });
        }

        return card;
    }

    /// <summary>One line that says where the situation stands, coloured when someone needs to act.</summary>
    public static (string Text, string? Color) Status(Situation s, IReadOnlyDictionary<string, Agency> agencies,
        SituationCatalogue catalogue, DateTimeOffset now)
    {
        if (s.Status == SituationStatus.Concluded)
        {
            return (s.OutcomeId is null ? "Concluded" : $"Concluded: {catalogue.Outcomes.LabelOf(s.OutcomeId)}", null);
        }

        if (s.Status == SituationStatus.NotAer)
        {
            return ("Not AER: the table found the threshold of acutely elevated risk not met", null);
        }

        if (s.Status == SituationStatus.Open)
        {
            return s.LeadAssignment?.State == AssignmentState.Declined
                ? ("The lead agency declined: the co-chairs will name another lead", "Warning")
                : ("Waiting for the lead agency to accept", null);
        }

        if (s.Updates.FirstOrDefault(u => u.IsFortyEightHourUpdate) is { } fortyEightHourUpdate)
        {
            return fortyEightHourUpdate.WasOnTime == true
                ? ("48-hour update posted on time", "Good")
                : ("48-hour update posted late", "Warning");
        }

        if (s.UpdateDueAt is { } due && now > due)
        {
            return ("48-hour update overdue", "Attention");
        }

        return ($"Active: lead accepted by {AgencyNames.Of(agencies, s.LeadAgencyId)}", "Good");
    }

    private static IEnumerable<(string, string)> Facts(Situation s, Table table, IReadOnlyDictionary<string, Agency> agencies,
        SituationCatalogue catalogue, DateTimeOffset now, bool showDeclineReasons)
    {
        yield return ("Type", catalogue.SituationTypes.LabelOf(s.TypeId));
        yield return ("Age group", catalogue.AgeGroups.LabelOf(s.AgeGroupId));
        yield return ("Gender", catalogue.Genders.LabelOf(s.GenderId));
        yield return ("Risk factors", string.Join(", ", s.RiskFactorIds.Select(catalogue.RiskFactors.LabelOf)));
        yield return ("Originating agency", AgencyNames.Of(agencies, s.OriginatingAgencyId));
        if (s.LeadAssignment is { } lead)
        {
            yield return ("Lead agency", Answer(lead, agencies, showDeclineReasons));
        }

        foreach (var assisting in s.AssistingAssignments)
        {
            yield return ("Assisting agency", Answer(assisting, agencies, showDeclineReasons));
        }

        yield return ("Recorded", $"{DaysAgo(TableTime.Today(now, table).DayNumber - s.DiscussedOn.DayNumber)} ({TableTime.Describe(s.DiscussedOn)})");
        if (s.Status == SituationStatus.Active && !s.HasFortyEightHourUpdate && s.UpdateDueAt is { } due)
        {
            yield return ("48-hour update due", TableTime.Describe(due, table));
        }
    }

    private static string Answer(Assignment assignment, IReadOnlyDictionary<string, Agency> agencies, bool showDeclineReason)
    {
        var name = AgencyNames.Of(agencies, assignment.AgencyId);
        return assignment.State switch
        {
            AssignmentState.Accepted => $"{name} (Accepted)",
            AssignmentState.Declined when showDeclineReason && assignment.DeclineReason is { } reason => $"{name} (Declined: {reason})",
            AssignmentState.Declined => $"{name} (Declined)",
            _ => $"{name} (Waiting)",
        };
    }

    private static string DaysAgo(int days) => days switch
    {
        <= 0 => "today",
        1 => "1 day ago",
        _ => $"{days} days ago",
    };

    private static void AddSummaryAndLatestUpdate(AdaptiveCard card, Situation s, Table table,
        IReadOnlyDictionary<string, Agency> agencies, SituationCatalogue catalogue)
    {
        if (s.Summary is { } summary)
        {
            card.Add(Element.Text("Summary", weight: "Bolder"));
            card.Text(summary);
        }

        if (s.Updates.Count > 0)
        {
            var latest = s.Updates[^1];
            var what = latest.IsFortyEightHourUpdate ? "48-hour update" : "Latest update";
            card.Add(Element.Text(
                $"{what}: {catalogue.UpdateKinds.LabelOf(latest.KindId)}, from {AgencyNames.Of(agencies, latest.AgencyId)}, {TableTime.Describe(latest.At, table)}",
                weight: "Bolder"));
            card.Text(latest.Note);
            if (latest.NextStep is { } nextStep)
            {
                card.Text($"Next step: {nextStep}", subtle: true);
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
            var title = toAnswer.Role == AssignmentRole.Lead ? "Accept as lead" : "Accept as assisting";
            card.Action(Actions.Execute(title, SituationVerbs.Accept, answer, style: "positive"));
            card.Action(Actions.ShowCard("Decline", DeclineForm(answer)));
        }

        if (full && s.Status == SituationStatus.Active && assignment is { State: AssignmentState.Accepted })
        {
            card.Action(Actions.Execute("Post update", SituationVerbs.UpdateForm, new { situationId = s.Id }));
        }

        if (full)
        {
            card.Action(Actions.Execute("View situation", SituationVerbs.View, new { situationId = s.Id }));
        }

        if (full && member?.IsCoChairOf(s.TableId) == true && s.Status != SituationStatus.NotAer)
        {
            if (s.Status != SituationStatus.Concluded)
            {
                card.Action(Actions.ShowCard("Change agencies", AgencyChangeForm.Build(s, agencies.Values)));
            }

            card.Action(s.Status == SituationStatus.Concluded
                ? Actions.Execute("Re-open", SituationVerbs.Reopen, new { situationId = s.Id })
                : Actions.ShowCard("Conclude", ConcludeForm(s, catalogue)));
        }
    }

    /// <summary>A co-chair closes the situation with one of the table's RTD-style outcomes.</summary>
    private static AdaptiveCard ConcludeForm(Situation s, SituationCatalogue catalogue)
    {
        var outcome = Element.ChoiceInput(OutcomeInput, "Outcome", catalogue.Outcomes.Select(o => (o.Id, o.Label)), required: true);
        outcome["errorMessage"] = "Choose the outcome.";
        return new AdaptiveCard()
            .Add(outcome)
            .Text("Concluding takes the situation off the open lists; a co-chair can re-open it.", subtle: true)
            .Action(Actions.Execute("Conclude", SituationVerbs.Conclude, new { situationId = s.Id }, style: "destructive"));
    }

    private static AdaptiveCard DeclineForm(object answer)
    {
        var reason = Element.TextInput("reason", "Why is your agency declining?", multiline: true,
            maxLength: Situation.MaxDeclineReasonLength, required: true,
            placeholder: "No names or other identifying details",
            error: $"Give a reason of {Situation.MinDeclineReasonLength} to {Situation.MaxDeclineReasonLength} characters.");
        reason["regex"] = JsonValue.Create(
            $@"^\s*\S[\s\S]{{{Situation.MinDeclineReasonLength - 2},{Situation.MaxDeclineReasonLength - 2}}}\S\s*$");
        return new AdaptiveCard()
            .Add(reason)
            .Text("The co-chairs see your reason so that they can name another agency.", subtle: true)
            .Action(Actions.Execute("Decline", SituationVerbs.Decline, answer, style: "destructive"));
    }
}
