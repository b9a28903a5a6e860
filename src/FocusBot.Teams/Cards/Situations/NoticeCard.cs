namespace FocusBot.Teams.Cards.Situations;

/// <summary>A short answer when FocusBot cannot do what was asked (a refusal) or something went wrong. No buttons.</summary>
public static class NoticeCard
{
    /// <summary>
    /// The same words whether the situation does not exist or the person may not see it, so that a stranger
    /// cannot learn that a situation exists.
    /// </summary>
    public const string SituationNotFoundMessage = "That situation does not exist or is not yours to see.";

    public static AdaptiveCard Build(string title, string message, bool isError) =>
        new AdaptiveCard()
            .Add(Element.Text(title, weight: "Bolder", color: isError ? "Attention" : null))
            .Text(message);

    public static AdaptiveCard SituationNotFound() => Build("Situation not found", SituationNotFoundMessage, isError: true);
}
