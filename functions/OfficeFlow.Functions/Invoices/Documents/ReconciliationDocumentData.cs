using System.Globalization;
using System.Text.Json.Nodes;
using OfficeFlow.Functions.Contracts.Formatting;
using OfficeFlow.Functions.Firm;
using OfficeFlow.Functions.Invoices.Reconciliation;

namespace OfficeFlow.Functions.Invoices.Documents;

/// <summary>Turns a <see cref="ReconciliationStatement"/> into the data of the <c>reconciliation</c> template
/// (written by <c>officeflow build-templates</c>, shape in <c>reconciliation.sample.json</c>):
/// amounts pre-formatted the Russian way ("1 234,50"), a balance shown in the debit column when the client owes
/// and in the credit column when the firm does, and the concluding sentence.</summary>
public static class ReconciliationDocumentData
{
    private static readonly NumberFormatInfo Rub = new() { NumberGroupSeparator = "\u00A0", NumberDecimalSeparator = "," };

    public static JsonObject Build(ReconciliationStatement statement, FirmRequisites firm, ClientRequisites? client)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(firm);
        client ??= new ClientRequisites();
        var rows = new JsonArray();
        foreach (var entry in statement.Entries)
        {
            rows.Add(new JsonObject
            {
                ["date"] = Date(entry.Date),
                ["document"] = entry.Document,
                ["debit"] = Amount(entry.Debit),
                ["credit"] = Amount(entry.Credit),
            });
        }

        return new JsonObject
        {
            ["period_text"] = $"за период с {Date(statement.From)} по {Date(statement.To)}",
            ["supplier"] = new JsonObject
            {
                ["name"] = firm.Name,
                ["inn"] = firm.Inn,
                ["signatory_position"] = firm.SignatoryPosition,
                ["signatory_short"] = firm.SignatoryShort,
            },
            ["client"] = new JsonObject
            {
                ["name"] = statement.ClientName,
                ["inn"] = client.Inn ?? "",
                ["signatory_position"] = client.SignatoryPosition ?? "Руководитель",
                ["signatory_short"] = client.SignatoryShort ?? "",
            },
            ["rows"] = rows,
            ["opening_debit"] = Amount(Math.Max(statement.Opening, 0)),
            ["opening_credit"] = Amount(Math.Max(-statement.Opening, 0)),
            ["turnover_debit"] = Amount(statement.DebitTurnover),
            ["turnover_credit"] = Amount(statement.CreditTurnover),
            ["closing_debit"] = Amount(Math.Max(statement.Closing, 0)),
            ["closing_credit"] = Amount(Math.Max(-statement.Closing, 0)),
            ["conclusion"] = Conclusion(statement, firm),
        };
    }

    /// <summary>"1 234,50" (no-break space between thousands); empty for zero, as the statement leaves empty cells.</summary>
    public static string Amount(decimal value) => value == 0 ? "" : value.ToString("#,##0.00", Rub);

    private static string Conclusion(ReconciliationStatement statement, FirmRequisites firm)
    {
        var on = Date(statement.To);
        return statement.Closing switch
        {
            > 0 => $"На {on} задолженность в пользу {firm.Name} составляет {statement.Closing.ToString("#,##0.00", Rub)} руб. ({RussianAmountInWords.Format(statement.Closing)}).",
            < 0 => $"На {on} задолженность в пользу {statement.ClientName} составляет {(-statement.Closing).ToString("#,##0.00", Rub)} руб. ({RussianAmountInWords.Format(-statement.Closing)}).",
            _ => $"На {on} задолженность между сторонами отсутствует.",
        };
    }

    private static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
