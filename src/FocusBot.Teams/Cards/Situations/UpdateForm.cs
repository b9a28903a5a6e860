using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;

namespace FocusBot.Teams.Cards.Situations;

/// <summary>What a member typed in the update form, kept when the form comes back with a problem.</summary>
public sealed record UpdateFormValues(string? Kind, string? Note, string? NextStep, IReadOnlyList<string> Barriers)
{
    /// <summary>Services mobilized (catalogue ids), from the form's multi-select.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    public static UpdateFormValues Empty { get; } = new(null, null, null, []);
}

/// <summary>
/// The form an agency on the situation (or a co-chair) fills in to report back: what happened, a short note, the next
/// step and any systemic barrier met. Sent back with <see cref="SituationVerbs.PostUpdate"/> and data
/// <c>{ situationId }</c>; the barriers multi-select answers with comma-separated ids. When the situation refused the
/// update, the form comes back with the problem named and everything typed kept.
/// </summary>
public static class UpdateForm
{
    public const string Kind = "kind";
    public const string Note = "note";
    public const string NextStep = "nextStep";
    public const string Barriers = "barriers";
    public const string Services = "services";

    /// <param name="isFortyEightHourUpdate">This would be the lead agency's 48-hour update (due at <see cref="Situation.UpdateDueAt"/>).</param>
    /// <summary>The form's own id, in the Post button's data: the same form posts one update, however often it arrives.</summary>
    public const string SubmissionId = "submissionId";

    /// <param name="submissionId">Null for a new form (a new id is made); the id of the form being shown again with its problem.</param>
    public static AdaptiveCard Build(Situation s, Table table, SituationCatalogue catalogue, bool isFortyEightHourUpdate,
        UpdateFormValues? typed = null, string? problem = null, string? submissionId = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(catalogue);
        typed ??= UpdateFormValues.Empty;

        var card = new AdaptiveCard().Heading(isFortyEightHourUpdate
            ? $"48-hour update on {s.Id} · {table.Name}"
            : $"Update on {s.Id} · {table.Name}");
        if (isFortyEightHourUpdate && s.UpdateDueAt is { } due)
        {
            card.Text($"The 48-hour update is due {TableTime.Describe(due, table)}.");
        }

        if (problem is not null)
        {
            card.Add(Element.Text("The update was not posted.", weight: "Bolder", color: "Attention"));
            card.Add(Element.Text(problem, color: "Attention"));
        }

        var kind = Element.ChoiceInput(Kind, "What happened", catalogue.UpdateKinds.Select(e => (e.Id, e.Label)),
            catalogue.UpdateKinds.Find(typed.Kind)?.Id, required: true);
        kind["errorMessage"] = "Choose what happened.";
        card.Add(kind);
        card.Add(Element.Text(
            "Only the agencies on this situation and the co-chairs read the note. No names, addresses, dates of birth, phone or health card numbers.",
            subtle: true));
        card.Add(Element.TextInput(Note, "Note", Cap(typed.Note, Situation.MaxNoteLength), multiline: true,
            maxLength: Situation.MaxNoteLength, required: true, placeholder: "What your agency did and found, without identifying details",
            error: $"Write a note of 1 to {Situation.MaxNoteLength} characters."));
        card.Add(Element.TextInput(NextStep, "Next step (optional)", Cap(typed.NextStep, Situation.MaxNextStepLength),
            maxLength: Situation.MaxNextStepLength, placeholder: "What happens next, and when"));
        var barriers = typed.Barriers.Select(id => catalogue.Barriers.Find(id)?.Id).OfType<string>().ToList();
        card.Add(Element.ChoiceInput(Barriers, "Systemic barriers met (optional)", catalogue.Barriers.Select(e => (e.Id, e.Label)),
            barriers.Count == 0 ? null : string.Join(",", barriers), multiSelect: true));
        var services = typed.Services.Select(id => catalogue.Services.Find(id)?.Id).OfType<string>().ToList();
        card.Add(Element.ChoiceInput(Services, "Services mobilized (optional)", catalogue.Services.Select(e => (e.Id, e.Label)),
            services.Count == 0 ? null : string.Join(",", services), multiSelect: true));

        return card.Action(Actions.Execute("Post update", SituationVerbs.PostUpdate, new { situationId = s.Id, submissionId = submissionId ?? Guid.NewGuid().ToString() }, style: "positive"));
    }

    // A forged submission can carry far more than the input allows; echoing it whole could break Teams' size limit.
    private static string? Cap(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
