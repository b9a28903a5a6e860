namespace FocusBot.Core.Privacy;

/// <summary>Settings of the <c>Privacy</c> section.</summary>
public sealed class RetentionOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Privacy";

    /// <summary>
    /// Months after a situation is concluded before its text is erased (DESIGN.md, "Retention"); default 24, at
    /// least 1.
    /// </summary>
    public int RetentionMonths { get; set; } = 24;

    /// <summary>
    /// The latest conclusion time (UTC) whose situations are erased at <paramref name="now"/>: a situation concluded
    /// exactly <see cref="RetentionMonths"/> months ago is erased.
    /// </summary>
    public DateTimeOffset CutoffAt(DateTimeOffset now) => now.ToUniversalTime().AddMonths(-RetentionMonths);
}
