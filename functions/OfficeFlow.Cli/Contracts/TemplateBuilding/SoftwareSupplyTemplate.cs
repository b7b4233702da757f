namespace OfficeFlow.Cli.Contracts.TemplateBuilding;

/// <summary>Договор поставки программных продуктов: boxed or electronic software products with delivery and payment terms.</summary>
internal static class SoftwareSupplyTemplate
{
    public const string Id = "software-supply";

    public static byte[] Build() => new DocxBuilder { FooterText = "Договор поставки № {number} от {date|date}" }
        .Title("ДОГОВОР ПОСТАВКИ № {number}")
        .Centered("программных продуктов", bold: true)
        .CityAndDate("г. {city}", "{date|date_ru}")
        .Preamble("Поставщик", "Покупатель")
        .Heading("ПРЕДМЕТ ДОГОВОРА")
        .Clause("Поставщик обязуется передать в собственность Покупателя программные продукты (далее — «Товар»), а Покупатель обязуется принять и оплатить Товар.")
        .Clause("Наименование, количество и цена Товара:")
        .ItemsTable("Программный продукт")
        .Heading("СРОКИ И ПОРЯДОК ПОСТАВКИ")
        .Clause("Поставщик передаёт Товар по адресу: {delivery_address}. Срок передачи составляет {delivery_days|working_days} с даты "
            + "{#prepayment_percent}поступления {#postpayment_percent}предоплаты{/postpayment_percent}{^postpayment_percent}оплаты{/postpayment_percent}{/prepayment_percent}{^prepayment_percent}подписания Договора{/prepayment_percent}.")
        .Clause("Приёмка Товара производится по товарной накладной (УПД). Право собственности и риск случайной гибели Товара переходят к Покупателю в момент подписания накладной.")
        .Heading("ЦЕНА И ПОРЯДОК РАСЧЁТОВ")
        .Clause("Общая стоимость Товара составляет " + ContractBlocks.TotalSentence)
        // The clause follows the prepayment: all of it (no "remaining part"), a part, or none (payment after delivery).
        .Clause("{^postpayment_percent}Покупатель оплачивает 100% стоимости Товара авансом; срок оплаты составляет {payment_days|bank_days} с даты выставления счёта.{/postpayment_percent}"
            + "{#postpayment_percent}{#prepayment_percent}Покупатель вносит предоплату в размере {prepayment_percent}% стоимости Товара; срок предоплаты составляет {payment_days|bank_days} с даты выставления счёта. "
            + "Оставшаяся часть ({postpayment_percent}%) оплачивается в течение 5 (пяти) банковских дней с даты поставки.{/prepayment_percent}"
            + "{^prepayment_percent}Покупатель оплачивает Товар в течение 5 (пяти) банковских дней с даты поставки.{/prepayment_percent}{/postpayment_percent}")
        .Heading("ГАРАНТИИ И ОТВЕТСТВЕННОСТЬ")
        .Clause("Поставщик гарантирует, что Товар является лицензионным и свободен от прав третьих лиц. Гарантийный срок на материальные носители составляет {warranty_months|months}.")
        .Clause("За нарушение сроков поставки или оплаты виновная Сторона уплачивает пени в размере 0,1% от стоимости неисполненного обязательства за каждый день просрочки.")
        .Heading("СРОК ДЕЙСТВИЯ И ПРОЧИЕ УСЛОВИЯ")
        .Clause("Договор вступает в силу с момента подписания и действует до {end_date|date_ru}, а в части расчётов — до полного их завершения.")
        .Clause("Споры разрешаются в Арбитражном суде г. Москвы. Договор составлен в двух экземплярах, по одному для каждой из Сторон.")
        .Heading("АДРЕСА, РЕКВИЗИТЫ И ПОДПИСИ СТОРОН")
        .RequisitesAndSignatures("Поставщик", "Покупатель")
        .Build();

    public const string Sample = """
        {
          "number": "2026-0017",
          "date": "2026-11-24",
        """ + ContractBlocks.SampleParties + """
          "delivery_days": 5,
          "delivery_address": "115054, г. Москва, ул. Дубининская, д. 57, стр. 1",
          "prepayment_percent": 100,
          "postpayment_percent": 0,
          "payment_days": 3,
          "warranty_months": 12,
          "end_date": "2027-12-31",
          "items": [
            { "n": 1, "name": "1С:Зарплата и управление персоналом 8 КОРП (коробочная поставка)", "unit": "шт.", "quantity": 1, "price": 125600, "amount": 125600 },
            { "n": 2, "name": "Сервер 1С:Предприятие 8.3 (x86-64)", "unit": "шт.", "quantity": 1, "price": 86400, "amount": 86400 },
            { "n": 3, "name": "Методическое пособие «Зарплата и кадры» (печатное издание)", "unit": "шт.", "quantity": 11, "price": 1250, "amount": 13750 }
          ],
          "total": 225750,
          "vat_rate": 22,
          "vat_amount": 40709.02
        }
        """;
}
