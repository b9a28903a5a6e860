using FocusBot.Teams.Localization;

namespace FocusBot.Teams.Cards.Situations;

/// <summary>A short answer when FocusBot cannot do what was asked (a refusal) or something went wrong. No buttons.</summary>
public static class NoticeCard
{
    /// <summary>A notice whose title and message are resource keys (<c>Notice.{key}.Title</c>, <c>Notice.{key}.Message</c>).</summary>
    public static AdaptiveCard Of(string key, bool isError, params object?[] args) =>
        Build(Texts.Get($"Notice.{key}.Title"), Texts.Get($"Notice.{key}.Message", args), isError);

    /// <param name="title">Already in the reader's language.</param>
    /// <param name="message">Already in the reader's language.</param>
    public static AdaptiveCard Build(string title, string message, bool isError) =>
        new AdaptiveCard()
            .Add(Element.Text(title, weight: "Bolder", color: isError ? "Attention" : null))
            .Text(message);

    /// <summary>
    /// The same words whether the situation does not exist or the person may not see it, so that a stranger
    /// cannot learn that a situation exists.
    /// </summary>
    public static AdaptiveCard SituationNotFound() => Of("SituationNotFound", isError: true);
}
