namespace OfficeFlow.Cli.Contracts.TemplateBuilding;

/// <summary>
/// Счёт на оплату in the usual Russian form: the payee's bank details block, supplier and buyer,
/// the items table, totals with VAT, the amount in words, the due date and the signatures.
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
        .Plain("**Поставщик (Исполнитель):** {supplier.name}, ИНН {supplier.inn}, КПП {supplier.kpp}, ОГРН {supplier.ogrn}, {supplier.address}")
        .Plain("**Покупатель (Заказчик):** {client.name}, ИНН {client.inn}, КПП {client.kpp}, ОГРН {client.ogrn}, {client.address}")
        .Plain("**Основание:** {#basis_document}{basis_document}{/basis_document}{^basis_document}Основной договор{/basis_document}")
        .ItemsTable("Товары (работы, услуги)")
        .Plain("Всего наименований {items_count}, на сумму {total|money} руб.")
        .Plain("**{total|words}**")
        .Plain("{#vat_rate}В том числе НДС {vat_rate}%: {vat_amount|money} руб.{/vat_rate}{^vat_rate}Без НДС{#vat_note} ({vat_note}){/vat_note}.{/vat_rate}")
        .Plain("Оплатить не позднее {due_date|date}. Оплата данного счёта означает согласие с условиями поставки товара (оказания услуг). В назначении платежа укажите номер счёта.")
        .Plain("")
        .TwoColumns(
            ContractBlocks.Signature("supplier"),
            ["Главный бухгалтер", "", "_______________ / {supplier.accountant_short} /"])
        .Build();

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
          "total": 31900,
          "vat_rate": 22,
          "vat_amount": 5752.46
        }
        """;
}
