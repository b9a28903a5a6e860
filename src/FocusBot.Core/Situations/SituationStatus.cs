namespace FocusBot.Core.Situations;

public enum SituationStatus
{
    /// <summary>Agencies named; waiting for the lead agency to accept.</summary>
    Open,
    /// <summary>The lead agency accepted; the intervention is under way.</summary>
    Active,
    /// <summary>Closed with an outcome; a co-chair can re-open it.</summary>
    Concluded,
    /// <summary>The table discussed it and found the threshold of acutely elevated risk not met: counted, never acted on.</summary>
    NotAer,
}
