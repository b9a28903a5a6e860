namespace FocusBot.Core.Reminders;

/// <summary>Who a reminder is for, as stored: a roster member by e-mail, or the table's channel (wherever it is linked when sent).</summary>
public static class ReminderTarget
{
    public const string TableChannel = "channel";
    private const string MemberPrefix = "member:";

    public static string Member(string email) => MemberPrefix + email.ToLowerInvariant();

    /// <summary>The member's e-mail, or null when the target is the table's channel.</summary>
    public static string? MemberEmail(string target) =>
        target.StartsWith(MemberPrefix, StringComparison.Ordinal) ? target[MemberPrefix.Length..] : null;
}
