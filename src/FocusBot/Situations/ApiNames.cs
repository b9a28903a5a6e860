using System.Text;

namespace FocusBot.Situations;

/// <summary>How the API spells enum values: kebab-case, as every coded field (<c>not-aer</c>, <c>asked-again</c>).</summary>
public static class ApiNames
{
    /// <summary>E.g. <c>LeadChanged</c> → <c>lead-changed</c>, <c>NotAer</c> → <c>not-aer</c>.</summary>
    public static string Kebab<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var kebab = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) kebab.Append('-');
            kebab.Append(char.ToLowerInvariant(name[i]));
        }
        return kebab.ToString();
    }

    /// <summary>Every value of <typeparamref name="T"/> as the API spells it, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Kebab).ToList();

    /// <summary>The value spelled <paramref name="text"/> (any case), or null.</summary>
    public static T? Parse<T>(string? text) where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => string.Equals(Kebab(v!.Value), text?.Trim(), StringComparison.OrdinalIgnoreCase));
}
