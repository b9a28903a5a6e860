using System.Text;

namespace FocusBot.Core.Figures;

/// <summary>
/// RFC 4180 CSV: a field with a comma, a double quote or a line break is quoted, quotes doubled; rows end in CRLF.
/// A field that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) is written
/// with a leading apostrophe, because the export is opened in Excel by people who did not write its contents.
/// </summary>
public static class Csv
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Field(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && FormulaStarts.Contains(text[0])) text = "'" + text;
        return text.IndexOfAny(NeedsQuotes) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static void AppendRow(StringBuilder csv, IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(csv);
        csv.AppendJoin(',', fields.Select(Field)).Append("\r\n");
    }
}
