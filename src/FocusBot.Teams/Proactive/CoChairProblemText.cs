using System.Globalization;
using FocusBot.Core.Reminders;
using FocusBot.Core.Roster;
using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Proactive;

/// <summary>
/// A co-chair's notice (<see cref="CoChairProblem"/>: a code and its data) in words, in the current language (the
/// recipient's, made current by the composer): the table's name and the command that links a channel filled in from
/// the table as it is now.
/// </summary>
public static class CoChairProblemText
{
    /// <summary>The message for <paramref name="notice"/> about <paramref name="table"/> (Markdown, as Teams renders a message).</summary>
    public static string Of(CoChairProblem notice, Table table)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(table);
        var link = Examples.Command("Command.LinkChannel.Title", table.Id);
        return notice.Kind switch
        {
            CoChairProblemKind.ChannelDeleted or CoChairProblemKind.TeamArchived or CoChairProblemKind.TeamDeleted or CoChairProblemKind.RemovedFromTeam =>
                $"{Texts.Get($"CoChairProblem.{notice.Kind}", table.Name)} {Texts.Get("CoChairProblem.LinkAgain", link)}",
            CoChairProblemKind.CardNotDelivered when notice.SituationId is { } situationId =>
                Texts.Get("CoChairProblem.CardNotDelivered", situationId, Cause(notice, table, link)),
            CoChairProblemKind.CardNotDelivered => Texts.Get("CoChairProblem.MessageNotDelivered", Cause(notice, table, link)),
            CoChairProblemKind.ReminderNotDelivered => Texts.Get("CoChairProblem.ReminderNotDelivered", Cause(notice, table, link)),
            _ => Texts.Get("CoChairProblem.CalendarUnreadable", table.Name,
                CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(table.Meeting.Day),
                table.Meeting.Start.ToString(Texts.Pattern("Format.Time"), CultureInfo.CurrentCulture).Replace(' ', '\u00A0'),
                notice.Detail ?? ""),
        };
    }

    /// <summary>Why it was not delivered: <c>{0}</c> the table's name, <c>{1}</c> the link command, <c>{2}</c> the member's e-mail.</summary>
    private static string Cause(CoChairProblem notice, Table table, string link) =>
        Texts.Get($"CoChairProblem.Cause.{notice.Cause ?? UndeliveredBecause.KeptFailing}", table.Name, link, notice.MemberEmail ?? "");
}
