namespace FocusBot.Core.Situations;

/// <summary>The <c>Situations</c> configuration section.</summary>
public sealed class SituationOptions
{
    public const string SectionName = "Situations";
    public static readonly TimeSpan DefaultUpdateDue = TimeSpan.FromHours(48);

    /// <summary>
    /// Hours from the table's discussion (or from a lead being named or asked again) to the lead's 48-hour update;
    /// 1 to 168, default 48.
    /// </summary>
    public int UpdateDueHours { get; set; } = 48;

    /// <summary><see cref="UpdateDueHours"/> as a duration.</summary>
    /// <exception cref="InvalidOperationException">The setting is outside 1 to 168 hours.</exception>
    public TimeSpan UpdateDue => UpdateDueHours is >= 1 and <= 168
        ? TimeSpan.FromHours(UpdateDueHours)
        : throw new InvalidOperationException($"{SectionName}:UpdateDueHours must be from 1 to 168; it is {UpdateDueHours}.");
}
