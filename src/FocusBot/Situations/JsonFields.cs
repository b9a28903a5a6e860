using System.Text.Json;

namespace FocusBot.Situations;

/// <summary>
/// A JSON object body read field by field, so that a field of the wrong type is named in the problem details with
/// the other problems, rather than failing the whole body at the first one. Property names match in any case;
/// when a name is repeated, the last one counts (as with System.Text.Json); other properties are ignored.
/// </summary>
public sealed class JsonFields
{
    /// <summary>The key under which a body that is not a JSON object is reported.</summary>
    public const string Body = "body";

    private readonly Dictionary<string, JsonElement> _fields;
    private readonly Dictionary<string, List<string>> _problems = new(StringComparer.Ordinal);

    private JsonFields(Dictionary<string, JsonElement> fields)
    {
        _fields = fields;
    }

    /// <summary>Problems by field name, as met so far.</summary>
    public IReadOnlyDictionary<string, List<string>> Problems => _problems;

    /// <summary>The fields of <paramref name="body"/>, or null with <paramref name="problem"/> when it is not one JSON object.</summary>
    public static JsonFields? Parse(byte[] body, out string? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = "The body must be a JSON object.";
                return null;
            }

            var fields = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in document.RootElement.EnumerateObject()) fields[property.Name] = property.Value.Clone();
            problem = null;
            return new JsonFields(fields);
        }
        catch (JsonException)
        {
            problem = "The body is not valid JSON.";
            return null;
        }
    }

    /// <summary>The string value of <paramref name="name"/>; null when absent or null, or (with a problem) of another type.</summary>
    public string? String(string name)
    {
        if (!_fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        Problem(name, "Must be a string.");
        return null;
    }

    /// <summary>The strings of the array <paramref name="name"/>; null when absent or null, or (with a problem) not an array of strings.</summary>
    public IReadOnlyList<string>? Strings(string name)
    {
        if (!_fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String))
            return value.EnumerateArray().Select(item => item.GetString()!).ToList();
        Problem(name, "Must be an array of strings.");
        return null;
    }

    /// <summary>The boolean value of <paramref name="name"/>; null when absent or null, or (with a problem) of another type.</summary>
    public bool? Bool(string name)
    {
        if (!_fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        Problem(name, "Must be true or false.");
        return null;
    }

    /// <summary>
    /// The whole number <paramref name="name"/>; null when absent or null, or (with a problem naming
    /// <paramref name="allowed"/>) when it is text, a fraction or out of <c>int</c> range.
    /// </summary>
    public int? Int(string name, string allowed)
    {
        if (!_fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)) return number;
        Problem(name, $"Must be a whole number ({allowed}).");
        return null;
    }

    public void Problem(string name, string message)
    {
        if (!_problems.TryGetValue(name, out var messages)) _problems[name] = messages = [];
        messages.Add(message);
    }

    public static Dictionary<string, string[]> BodyProblem(string message) => new() { [Body] = [message] };
}
