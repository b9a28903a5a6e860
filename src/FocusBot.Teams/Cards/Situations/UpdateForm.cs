using FocusBot.Core.Catalogue;
using FocusBot.Core.Roster;
using FocusBot.Core.Situations;
using FocusBot.Teams.Localization;

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

        // What the form is, then which situation: the id starts its own line, where a phone never breaks it at a hyphen.
        var card = new AdaptiveCard()
            .Heading(Texts.Get(isFortyEightHourUpdate ? "UpdateForm.HeadingFortyEight" : "UpdateForm.Heading"))
            .Add(Element.Text(Texts.Get("Situation.Heading", s.Id, table.Name), weight: "Bolder"));
        if (isFortyEightHourUpdate && s.UpdateDueAt is { } due)
        {
            card.Text(Texts.Get("UpdateForm.Due", TableTime.Describe(due, table)));
        }

        if (problem is not null)
        {
            card.Add(Element.Text(Texts.Get("UpdateForm.NotPosted"), weight: "Bolder", color: "Attention"));
            card.Add(Element.Text(problem, color: "Attention"));
        }

        var kind = Element.ChoiceInput(Kind, Texts.Get("UpdateForm.Kind"), catalogue.UpdateKinds.Select(e => (e.Id, e.LocalLabel)),
            catalogue.UpdateKinds.Find(typed.Kind)?.Id, required: true, placeholder: Texts.Get("UpdateForm.KindPlaceholder"));
        kind["errorMessage"] = Texts.Get("UpdateForm.KindError");
        card.Add(kind);
        card.Add(Element.Text(Texts.Get("UpdateForm.Privacy"), subtle: true));
        card.Add(Element.TextInput(Note, Texts.Get("UpdateForm.Note"), Cap(typed.Note, Situation.MaxNoteLength), multiline: true,
            maxLength: Situation.MaxNoteLength, required: true, placeholder: Texts.Get("UpdateForm.NotePlaceholder"),
            error: Texts.Get("UpdateForm.NoteError", Situation.MaxNoteLength)));
        card.Add(Element.TextInput(NextStep, Texts.Get("UpdateForm.NextStep"), Cap(typed.NextStep, Situation.MaxNextStepLength),
            maxLength: Situation.MaxNextStepLength, placeholder: Texts.Get("UpdateForm.NextStepPlaceholder")));
        var barriers = typed.Barriers.Select(id => catalogue.Barriers.Find(id)?.Id).OfType<string>().ToList();
        card.Add(Element.ChoiceInput(Barriers, Texts.Get("UpdateForm.Barriers"), catalogue.Barriers.Select(e => (e.Id, e.LocalLabel)),
            barriers.Count == 0 ? null : string.Join(",", barriers), multiSelect: true));
        var services = typed.Services.Select(id => catalogue.Services.Find(id)?.Id).OfType<string>().ToList();
        card.Add(Element.ChoiceInput(Services, Texts.Get("UpdateForm.Services"), catalogue.Services.Select(e => (e.Id, e.LocalLabel)),
            services.Count == 0 ? null : string.Join(",", services), multiSelect: true));

        return card.Action(Actions.Execute(Texts.Get("Action.PostUpdate"), SituationVerbs.PostUpdate, new { situationId = s.Id, submissionId = submissionId ?? Guid.NewGuid().ToString() }, style: "positive"));
    }

    // A forged submission can carry far more than the input allows; echoing it whole could break Teams' size limit.
    private static string? Cap(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
