using DocumentFormat.OpenXml.Wordprocessing;
using OfficeFlow.Functions.Contracts;

namespace OfficeFlow.Cli.Contracts.TemplateBuilding;

/// <summary>
/// Акт сверки взаимных расчётов: the period and both parties, a two-sided table (the firm's opening balance, the period's
/// invoices and payments a row per entry, turnover and closing balance; the client's side blank), the concluding sentence
/// of each side and both parties' signatures.
/// The invoices capability fills it (<c>ReconciliationDocumentData</c>), with every amount already formatted, so the
/// template needs no formatters and a zero prints as an empty cell.
/// </summary>
internal static class ReconciliationTemplate
{
    public const string Id = ContractTemplateCatalog.ReconciliationTemplateId;

    private static readonly JustificationValues[] SideAlignments =
        [JustificationValues.Center, JustificationValues.Left, JustificationValues.Right, JustificationValues.Right];

    // An акт сверки has no number of its own, so no "№ … — страница X из Y" footer. It is two-sided, as accountants
    // expect: the firm's entries on the left, the same columns on the right left blank for the client to fill from its
    // own books, which needs a landscape page.
    public static byte[] Build() => new DocxBuilder { Landscape = true }
        .Title("Акт сверки взаимных расчётов")
        .Centered("{period_text}")
        .Centered("между {supplier.name}{#supplier.inn} (ИНН {supplier.inn}){/supplier.inn} и {client.name}{#client.inn} (ИНН {client.inn}){/client.inn}")
        .Text("Мы, нижеподписавшиеся, {supplier.signatory_position} {supplier.name} {supplier.signatory_short}, с одной стороны, "
            + "и представитель {client.name}, с другой стороны, составили настоящий акт сверки в том, что состояние взаимных "
            + "расчётов по данным учёта следующее:")
        .GroupedTable([1350, 3235, 1350, 1350, 1350, 3235, 1350, 1350],
            [("По данным {supplier.name}, руб.", 4), ("По данным {client.name}, руб.", 4)],
            ["Дата", "Документ", "Дебет", "Кредит", "Дата", "Документ", "Дебет", "Кредит"],
            [..SideAlignments, ..SideAlignments],
            ["", "**Сальдо начальное**", "**{opening_debit}**", "**{opening_credit}**", "", "**Сальдо начальное**", "", ""],
            ["{#rows}{date}", "{document}", "{debit}", "{credit}", "", "", "", "{/rows}"],
            ["", "**Обороты за период**", "**{turnover_debit}**", "**{turnover_credit}**", "", "**Обороты за период**", "", ""],
            ["", "**Сальдо конечное**", "**{closing_debit}**", "**{closing_credit}**", "", "**Сальдо конечное**", "", ""])
        .Text("**По данным {supplier.name}:** {conclusion}")
        .Text("**По данным {client.name}:** на ______________ задолженность ____________________________________________")
        .TwoColumns(["**От {supplier.name}**", ..ContractBlocks.Signature("supplier")], ["**От {client.name}**", ..ContractBlocks.Signature("client")])
        .Build();

    // Amounts are strings with a no-break space between thousands, as ReconciliationDocumentData writes them.
    public const string Sample = """
        {
          "period_text": "за период с 01.10.2026 по 31.12.2026",
          "supplier": {
            "name": "ООО «Бухсофт-Сервис»",
            "inn": "7714123450",
            "signatory_position": "Генеральный директор",
            "signatory_short": "А.В. Соколов"
          },
          "client": {
            "name": "ООО «Ромашка»",
            "inn": "7705987654",
            "signatory_position": "Директор",
            "signatory_short": "Е.С. Петрова"
          },
          "rows": [
            { "date": "02.10.2026", "document": "Счёт № 38 от 02.10.2026", "debit": "12\u00A0200,00", "credit": "" },
            { "date": "05.10.2026", "document": "Оплата (п/п № 298) от 05.10.2026 по счёту № 31", "debit": "", "credit": "2\u00A0000,00" },
            { "date": "09.10.2026", "document": "Оплата (п/п № 314) от 09.10.2026 по счёту № 38", "debit": "", "credit": "12\u00A0200,00" },
            { "date": "02.11.2026", "document": "Счёт № 51 от 02.11.2026", "debit": "12\u00A0200,00", "credit": "" },
            { "date": "12.11.2026", "document": "Счёт № 57 от 12.11.2026", "debit": "6\u00A0000,00", "credit": "" },
            { "date": "20.11.2026", "document": "Оплата (п/п № 402) от 20.11.2026 по счёту № 51", "debit": "", "credit": "12\u00A0200,00" },
            { "date": "01.12.2026", "document": "Счёт № 63 от 01.12.2026", "debit": "12\u00A0200,00", "credit": "" },
            { "date": "10.12.2026", "document": "Оплата (п/п № 455) от 10.12.2026 по счёту № 57", "debit": "", "credit": "3\u00A0000,00" }
          ],
          "opening_debit": "2\u00A0000,00",
          "opening_credit": "",
          "turnover_debit": "42\u00A0600,00",
          "turnover_credit": "29\u00A0400,00",
          "closing_debit": "15\u00A0200,00",
          "closing_credit": "",
          "conclusion": "На 31.12.2026 задолженность в пользу ООО «Бухсофт-Сервис» составляет 15\u00A0200,00 руб. (Пятнадцать тысяч двести рублей 00 копеек)."
        }
        """;
}
