namespace OfficeFlow.Cli.Contracts.TemplateBuilding;

/// <summary>
/// Счёт на оплату in the usual Russian form: the payee's bank details block, supplier and buyer,
/// the items table, totals with VAT (included in the prices, or on top of net prices when <c>vat_on_top</c>),
/// the amount in words, the due date and the signatures.
/// The invoices capability renders it; its data shape is documented in docs/contracts.md.
/// </summary>
internal static class InvoiceTemplate
{
    public const string Id = "invoice";

    public static byte[] Build() => new DocxBuilder { FooterText = "Счёт на оплату № {number} от {date|date}" }
        .Table([5338, 1200, 3100],
            ["{supplier.bank}", "БИК", "{supplier.bik}"],
            ["Банк получателя", "Сч. №", "{supplier.corr_account}"],
            ["ИНН {supplier.inn}    КПП {supplier.kpp}", "Сч. №", "{supplier.account}"],
            ["{supplier.name}", "", ""],
            ["Получатель", "", ""])
        .Title("Счёт на оплату № {number} от {date|date_text}", 26)
        .CityAndDate("г. {city}", "")
        .Plain("**Поставщик (Исполнитель):** " + PartyLine("supplier"))
        .Plain("**Покупатель (Заказчик):** " + PartyLine("client"))
        .Plain("**Основание:** {#basis_document}{basis_document}{/basis_document}{^basis_document}Основной договор{/basis_document}")
        .Table(ContractBlocks.ItemWidths,
            ["№", "Товары (работы, услуги)", "Ед. изм.", "Кол-во", "Цена, руб.", "Сумма, руб."],
            ["{#items}{n}", "{name}", "{unit}", "{quantity|number}", "{price|money}", "{amount|money}{/items}"],
            // VAT included (the default): the rows print exactly as the contracts' items table does.
            ["{^vat_on_top}", "**Итого:**", "", "", "", "**{total|money}**{/vat_on_top}"],
            ["{^vat_on_top}{#vat_rate}", "В том числе НДС ({vat_rate}%):", "", "", "", "{vat_amount|money}{/vat_rate}{/vat_on_top}"],
            // VAT on top, as 1C's "Счёт на оплату" prints it: the net sum, the VAT of each rate, then what to pay.
            ["{#vat_on_top}", "**Итого:**", "", "", "", "**{net_total|money}**{/vat_on_top}"],
            ["{#vat_on_top}{#vat_lines}", "НДС {rate}%:", "", "", "", "{amount|money}{/vat_lines}{/vat_on_top}"],
            ["{^vat_rate}", "Без НДС{#vat_note} ({vat_note}){/vat_note}", "", "", "", "—{/vat_rate}"],
            ["{#vat_on_top}", "**Всего к оплате:**", "", "", "", "**{total|money}**{/vat_on_top}"])
        .Plain("Всего наименований {items_count}, на сумму {total|money} руб.")
        .Plain("**{total|words}**")
        // The sentence under the amount in words: today's wording when VAT is included; on top the table
        // already shows the VAT, so only a "без НДС" invoice gets the sentence. Tag paragraphs leave no empty line.
        .Plain("{^vat_on_top}")
        .Plain("{#vat_rate}В том числе НДС {vat_rate}%: {vat_amount|money} руб.{/vat_rate}{^vat_rate}Без НДС{#vat_note} ({vat_note}){/vat_note}.{/vat_rate}")
        .Plain("{/vat_on_top}")
        .Plain("{#vat_on_top}")
        .Plain("{^vat_rate}")
        .Plain("Без НДС{#vat_note} ({vat_note}){/vat_note}.")
        .Plain("{/vat_rate}")
        .Plain("{/vat_on_top}")
        .Plain("Оплатить не позднее {due_date|date}. Оплата данного счёта означает согласие с условиями поставки товара (оказания услуг). В назначении платежа укажите номер счёта.")
        .Plain("")
        .TwoColumns(
            ContractBlocks.Signature("supplier"),
            ["Главный бухгалтер", "", "_______________ / {supplier.accountant_short} /"])
        .Build();

    /// <summary>"ООО «Ромашка», ИНН …, КПП …, ОГРН …, адрес": each requisite with its comma only when the card has it,
    /// so a buyer without a КПП or an address gets no ", КПП ," or a trailing comma.</summary>
    private static string PartyLine(string key) =>
        $"{{{key}.name}}"
        + $"{{#{key}.inn}}, ИНН {{{key}.inn}}{{/{key}.inn}}"
        + $"{{#{key}.kpp}}, КПП {{{key}.kpp}}{{/{key}.kpp}}"
        + $"{{#{key}.ogrn}}, ОГРН {{{key}.ogrn}}{{/{key}.ogrn}}"
        + $"{{#{key}.address}}, {{{key}.address}}{{/{key}.address}}";

    public const string Sample = """
        {
          "number": "2026-0042",
          "date": "2026-11-22",
          "due_date": "2026-12-02",
        """ + ContractBlocks.SampleParties + """
          "basis_document": "Договор на сервисное обслуживание № 2026-0015 от 22.11.2026",
          "items": [
            { "n": 1, "name": "Абонентское обслуживание за декабрь 2026 г.", "unit": "мес.", "quantity": 1, "price": 12000, "amount": 12000 },
            { "n": 2, "name": "Выезд программиста к Заказчику (до 4 часов)", "unit": "выезд", "quantity": 2, "price": 6500, "amount": 13000 },
            { "n": 3, "name": "Удалённый сеанс обслуживания (1 час)", "unit": "час", "quantity": 3, "price": 2300, "amount": 6900 }
          ],
          "items_count": 3,
          "vat_on_top": false,
          "net_total": 26147.54,
          "total": 31900,
          "vat_rate": 22,
          "vat_amount": 5752.46,
          "vat_lines": [
            { "rate": "22", "amount": 5752.46 }
          ]
        }
        """;
}
