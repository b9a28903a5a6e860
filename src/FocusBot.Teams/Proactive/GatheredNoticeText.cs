using FocusBot.Core.Reminders;
using FocusBot.Core.Roster;
using FocusBot.Teams.Cards.Situations;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Proactive;

/// <summary>
/// Several notices to one co-chair, gathered into one message (the outbox's <c>ClaimedMessage</c>), in the current
/// language (the co-chair's, made current by the composer): the reps whose card of one situation could not be
/// delivered as one list ("3 representatives could not be reached for DM-2026-0007:", each by the e-mail the single
/// notice shows and their agency), every other notice as <see cref="CoChairProblemText"/> words it, in the order they
/// were written.
/// </summary>
public static class GatheredNoticeText
{
    /// <param name="notices">Each row's text (a <see cref="CoChairProblem"/> as JSON, or a plain text of an older row), oldest first.</param>
    /// <param name="agencyOfMember">The agency id of a member by e-mail (null when not on the roster).</param>
    /// <param name="agencies">The roster's agencies by id, for their names.</param>
    /// <returns>The message (Markdown): its parts separated by a blank line.</returns>
    public static string Of(IReadOnlyList<string?> notices, Table table, Func<string, string?> agencyOfMember, IReadOnlyDictionary<string, Agency> agencies)
    {
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(agencyOfMember);
        var read = notices.Select(text => (Text: text ?? "", Problem: CoChairProblem.TryRead(text))).ToList();
        var listed = read.Where(n => RepNotReachedOn(n.Problem) is not null)
            .GroupBy(n => RepNotReachedOn(n.Problem)!, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => g.Select(n => n.Problem!).ToList(), StringComparer.OrdinalIgnoreCase);

        var parts = new List<string>();
        var listedDone = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (text, problem) in read)
        {
            if (RepNotReachedOn(problem) is { } situationId && listed.TryGetValue(situationId, out var reps))
            {
                if (listedDone.Add(situationId)) parts.Add(RepsNotReached(situationId, reps, agencyOfMember, agencies));
                continue;
            }
            parts.Add(problem is null ? text : CoChairProblemText.Of(problem, table));
        }
        return string.Join("\n\n", parts);
    }

    private static string RepsNotReached(string situationId, IReadOnlyList<CoChairProblem> reps, Func<string, string?> agencyOfMember,
        IReadOnlyDictionary<string, Agency> agencies) =>
        Texts.Get("CoChairProblem.RepsNotReached", reps.Count, situationId) + "\n\n" + string.Join("\n", reps.Select(rep =>
            "- " + Texts.Get($"CoChairProblem.RepNotReached.{rep.Cause}", rep.MemberEmail, AgencyNames.Of(agencies, agencyOfMember(rep.MemberEmail!)))));

    /// <summary>The situation whose card a notice says could not reach a rep (no chat with FocusBot, or refused), else null.</summary>
    private static string? RepNotReachedOn(CoChairProblem? problem) =>
        problem is { Kind: CoChairProblemKind.CardNotDelivered, SituationId: { } id, MemberEmail.Length: > 0, Cause: UndeliveredBecause.NoConversation or UndeliveredBecause.Unreachable }
            ? id : null;
}
