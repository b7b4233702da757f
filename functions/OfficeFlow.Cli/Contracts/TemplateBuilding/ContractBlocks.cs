namespace OfficeFlow.Cli.Contracts.TemplateBuilding;

/// <summary>Blocks the firm's templates share: the parties' preamble, the items table, VAT wording, requisites and signatures.</summary>
internal static class ContractBlocks
{
    /// <summary>№, name, unit, quantity, price, amount (twips, filling the 9638 of the page): the quantity column takes
    /// «лицензий» and the amount column «Вознаграждение,» whole in 10 pt bold, the unit column «выезд», the price
    /// column «1 234 567,00»; the name gets the rest.</summary>
    public static readonly int[] ItemWidths = [450, 3138, 850, 1300, 1550, 2350];

    /// <summary>"в том числе НДС 22% — 330,00 руб." or "НДС не облагается (основание)." — it ends the sentence.</summary>
    public const string VatPhrase =
        "{#vat_rate}в том числе НДС {vat_rate}% — {vat_amount|money} руб.{/vat_rate}{^vat_rate}НДС не облагается{#vat_note} ({vat_note}){/vat_note}.{/vat_rate}";

    public const string TotalSentence = "**{total|money} ({total|words})**, " + VatPhrase;

    public static DocxBuilder Preamble(this DocxBuilder builder, string supplierRole, string clientRole) =>
        builder.Text(
            $"**{{supplier.name}}**, именуемое в дальнейшем «{supplierRole}», в лице {{supplier.signatory_genitive}}, действующего на основании {{supplier.basis}}, "
            + $"с одной стороны, и **{{client.name}}**, именуемое в дальнейшем «{clientRole}», в лице {{client.signatory_genitive}}, действующего на основании {{client.basis}}, "
            + "с другой стороны, совместно именуемые «Стороны», заключили настоящий договор (далее — «Договор») о нижеследующем:");

    /// <summary>The items table: a row repeated per item, the total, and either the VAT row or the "без НДС" row.</summary>
    public static DocxBuilder ItemsTable(this DocxBuilder builder, string nameHeader = "Наименование", string quantityHeader = "Кол-во", string amountHeader = "Сумма, руб.") =>
        builder.Table(ItemWidths,
            ["№", nameHeader, "Ед. изм.", quantityHeader, "Цена, руб.", amountHeader],
            ["{#items}{n}", "{name}", "{unit}", "{quantity|number}", "{price|money}", "{amount|money}{/items}"],
            ["", "**Итого:**", "", "", "", "**{total|money}**"],
            ["{#vat_rate}", "В том числе НДС ({vat_rate}%):", "", "", "", "{vat_amount|money}{/vat_rate}"],
            ["{^vat_rate}", "Без НДС{#vat_note} ({vat_note}){/vat_note}", "", "", "", "—{/vat_rate}"]);

    public static DocxBuilder RequisitesAndSignatures(this DocxBuilder builder, string supplierRole, string clientRole) =>
        builder.TwoColumns(Party("supplier", supplierRole), Party("client", clientRole));

    public static string[] Party(string key, string role) =>
    [
        $"**{role}:**",
        $"**{{{key}.name}}**",
        // A sole trader has no КПП: the line then ends after the ИНН instead of "КПП " with nothing after it.
        $"ИНН {{{key}.inn}}{{#{key}.kpp}} / КПП {{{key}.kpp}}{{/{key}.kpp}}",
        $"ОГРН {{{key}.ogrn}}",
        $"Адрес: {{{key}.address}}",
        $"Р/с {{{key}.account}}",
        $"в {{{key}.bank}}",
        $"К/с {{{key}.corr_account}}",
        $"БИК {{{key}.bik}}",
        "",
        ..Signature(key),
    ];

    /// <summary>A party's signature lines: position, a blank line to sign on, "_______________ / И.О. Фамилия /", "М.П.".</summary>
    public static string[] Signature(string key) =>
    [
        $"{{{key}.signatory_position}}",
        "",
        $"_______________ / {{{key}.signatory_short}} /",
        "М.П.",
    ];

    /// <summary>Realistic requisites of the firm and a client, shared by the sample data files.</summary>
    public const string SampleParties = """
          "city": "Москва",
          "supplier": {
            "name": "ООО «Бухсофт-Сервис»",
            "inn": "7714123450",
            "kpp": "771401001",
            "ogrn": "1187746123456",
            "address": "125040, г. Москва, ул. Правды, д. 8, корп. 2, офис 14",
            "bank": "ПАО Сбербанк, г. Москва",
            "account": "40702810938000012345",
            "corr_account": "30101810400000000225",
            "bik": "044525225",
            "signatory_position": "Генеральный директор",
            "signatory_genitive": "Генерального директора Соколова Андрея Викторовича",
            "signatory_short": "А.В. Соколов",
            "accountant_short": "О.Н. Кузнецова",
            "basis": "Устава"
          },
          "client": {
            "name": "ООО «Ромашка»",
            "inn": "7705987654",
            "kpp": "770501001",
            "ogrn": "1157746654321",
            "address": "115054, г. Москва, ул. Дубининская, д. 57, стр. 1",
            "bank": "АО «Альфа-Банк», г. Москва",
            "account": "40702810401300054321",
            "corr_account": "30101810200000000593",
            "bik": "044525593",
            "signatory_position": "Директор",
            "signatory_genitive": "Директора Петровой Елены Сергеевны",
            "signatory_short": "Е.С. Петрова",
            "basis": "Устава"
          },
        """;
}
