using System.Text.Json;
using System.Text.Json.Serialization;

namespace OfficeFlow.Functions.Grades.Policy;

/// <summary>Reads a policy JSON file and validates it; a bad file fails loudly with every bad entry named.</summary>
public static class PolicyLoader
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
    };

    public static GradesPolicy Parse(string json, string source)
    {
        GradesPolicy? policy;
        try
        {
            policy = JsonSerializer.Deserialize<GradesPolicy>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            // The JSON path and line say where the file is broken; that is what the admin must fix.
            throw new PolicyValidationException(source, [$"{e.Path ?? "$"} (line {e.LineNumber + 1}): {e.Message}"]);
        }

        if (policy is null)
        {
            throw new PolicyValidationException(source, ["$: the file holds no policy object"]);
        }

        var errors = PolicyValidator.Validate(policy);
        if (errors.Count > 0)
        {
            throw new PolicyValidationException(source, errors);
        }

        return policy;
    }

    public static GradesPolicy LoadFile(string path) => Parse(File.ReadAllText(path), path);
}
