using System.Text.Encodings.Web;
using System.Text.Json;
using OfficeFlow.Functions.Contacts.Records;

namespace OfficeFlow.Functions.Contacts.Cards.Heads;

/// <summary>
/// What the log-email answer shows of a client besides its requisites: its contacts and latest interactions,
/// kept as one row so that logging a message reads and writes one head instead of querying two partitions.
/// It is derived data: rebuilt from the Contacts and Interactions tables whenever it is missing.
/// </summary>
public sealed record CardHead(IReadOnlyList<HeadContact> Contacts, IReadOnlyList<InteractionView> Interactions)
{
    // Stored, never put into HTML: Cyrillic is kept as is rather than as \uXXXX, which would make the row six times larger.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static CardHead Empty { get; } = new([], []);

    /// <summary>The head with this contact added or replaced (contacts by name, as on the card).</summary>
    public CardHead WithContact(ContactEntity contact)
    {
        var updated = HeadContact.From(contact);
        return this with
        {
            Contacts = Contacts.Where(c => c.Id != updated.Id).Append(updated).OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList(),
        };
    }

    /// <summary>The head with this interaction added or replaced, newest first, at most <see cref="ClientCardReader.InteractionsShown"/>.</summary>
    public CardHead WithInteraction(InteractionEntity interaction)
    {
        var view = InteractionView.From(interaction);
        return this with
        {
            // Row keys start with inverted ticks: ascending is newest first, as the partition query returns them.
            Interactions = Interactions.Where(i => i.Id != view.Id).Append(view).OrderBy(RowKeyOf, StringComparer.Ordinal).Take(ClientCardReader.InteractionsShown).ToList(),
        };
    }

    public IReadOnlyList<ContactView> ContactViews(string clientId) => Contacts.Select(c => c.ToView(clientId)).ToList();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <returns>Null when the JSON is not a head (written by another version).</returns>
    public static CardHead? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<CardHead>(json, Json) is { Contacts: not null, Interactions: not null } head ? head : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string RowKeyOf(InteractionView interaction) => interaction.Id[(interaction.Id.IndexOf('|', StringComparison.Ordinal) + 1)..];
}

/// <summary>A contact as the head keeps it: enough to show it and to update it without reading the Contacts row.</summary>
public sealed record HeadContact(string Id, string Name, string? Position, string Emails, string? Phones, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static HeadContact From(ContactEntity c) => new(c.RowKey, c.Name, c.Position, c.Emails, c.Phones, c.CreatedAt, c.UpdatedAt);

    public ContactEntity ToEntity(string clientId) => new()
    {
        PartitionKey = clientId,
        RowKey = Id,
        Name = Name,
        Position = Position,
        Emails = Emails,
        Phones = Phones,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
    };

    public ContactView ToView(string clientId) => ContactView.From(ToEntity(clientId));
}
