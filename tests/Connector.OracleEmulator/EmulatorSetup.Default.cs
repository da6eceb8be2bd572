namespace Connector.OracleEmulator;

/// <summary>
/// The default setup mirrors the repository's sample entities (mappings/*/entity.yaml and customers.csv), hard-coded:
/// one business unit per entity with its manual-numbering CONNECTOR source, invoice and credit memo types, the
/// "30 NET" terms, and every customer account with its bill-to site (inactive accounts are kept but inactive).
/// </summary>
public sealed partial record EmulatorSetup
{
    public const string De = "DE01 Mueller Maschinenbau BU";
    public const string Fr = "FR01 Dupont Distribution BU";
    public const string Us = "US01 Acme Industrial BU";

    public const string DefaultUser = "connector";
    public const string DefaultPassword = "connector-secret";
    public const string DefaultBearerToken = "emulator-token";

    public static EmulatorSetup Default { get; } = new()
    {
        BusinessUnits =
        [
            new(De, 300000047123512, "EUR"),
            new(Fr, 300000047123401, "EUR"),
            new(Us, 300000047123455, "USD"),
        ],
        TransactionSources =
        [
            new("CONNECTOR DE01", De, NumberingMode.Manual),
            new("CONNECTOR FR01", Fr, NumberingMode.Manual),
            new("CONNECTOR US01", Us, NumberingMode.Manual),
        ],
        TransactionTypes =
        [
            new("DE01 Rechnung", De, TransactionClass.Invoice),
            new("DE01 Gutschrift", De, TransactionClass.CreditMemo),
            new("FR01 Facture", Fr, TransactionClass.Invoice),
            new("FR01 Avoir", Fr, TransactionClass.CreditMemo),
            new("US01 Invoice", Us, TransactionClass.Invoice),
            new("US01 Credit Memo", Us, TransactionClass.CreditMemo),
        ],
        // Every term the sample profiles map to (mappings/*/*.yaml value_maps.terms), as set up in the sample pods.
        PaymentTerms = [new("30 NET", 30), new("45 NET", 45), new("60 NET", 60), new("45 EOM", 45), new("2/10 NET 30", 30), new("2/14 NET 30", 30), new("IMMEDIATE", 0)],
        Currencies = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["EUR"] = 2, ["USD"] = 2, ["GBP"] = 2, ["CHF"] = 2, ["CAD"] = 2, ["JPY"] = 0,
        },
        Customers = DefaultCustomers(),
        Users = new Dictionary<string, string>(StringComparer.Ordinal) { [DefaultUser] = DefaultPassword },
        BearerTokens = [DefaultBearerToken],
    };

    // Every sample account has exactly one bill-to site numbered "<account>-BT1".
    private static EmulatedCustomer C(string account, string name, string businessUnit, bool active = true) =>
        new(account, name, businessUnit, [account + "-BT1"], active);

    private static EmulatedCustomer[] DefaultCustomers() =>
    [
        // De
        C("10001", "Hoffmann Fördertechnik GmbH", De),
        C("10002", "Krause & Söhne KG", De),
        C("10003", "Weber Automotive Components GmbH", De),
        C("10004", "Schäfer Kunststofftechnik GmbH & Co. KG", De),
        C("10005", "Bergmann Präzisionsteile GmbH", De),
        C("10006", "Stadtwerke Heilbronn GmbH", De),
        C("10007", "Fischer Lebensmitteltechnik AG", De),
        C("10008", "Wagner Metallbau e.K.", De),
        C("10009", "Becker Anlagenbau GmbH", De, active: false),
        C("10010", "Schulz Verpackungsmaschinen GmbH", De),
        C("10011", "Neue Schwäbische Gießerei GmbH", De),
        C("10012", "Zimmermann Landtechnik GmbH", De),
        C("10013", "Brandt Medizintechnik GmbH", De),
        C("10014", "Koch Holzbearbeitung GmbH", De),
        C("10015", "Richter Elektromotoren GmbH", De),
        C("10016", "Wolf Hydraulik GmbH", De),
        C("10017", "Schröder Textilmaschinen GmbH", De),
        C("10018", "Neumann Logistik GmbH & Co. KG", De),
        C("10019", "Lange Druckerei GmbH", De),
        C("10020", "Hartmann Brauerei KG", De),
        C("10021", "Österreichische Stahlwerkzeuge GmbH", De),
        C("10022", "Keller Präzision AG", De),
        C("10023", "Maier Feinmechanik GmbH", De),
        C("10024", "Hofmann Solartechnik GmbH", De, active: false),
        C("10025", "Krüger Kältetechnik GmbH", De),
        C("10026", "Berger Pharma Verpackung GmbH", De),
        C("10027", "Vogel Agrartechnik GmbH", De),
        C("10028", "Kaiser Werkzeugbau GmbH", De),
        C("10029", "Lorenz Fensterbau GmbH", De),
        C("10030", "Huber Baumaschinen GmbH", De),
        // Fr
        C("C10001", "Électricité Moreau SARL", Fr),
        C("C10002", "Societe Generale de Transports SA", Fr),
        C("C10003", "Bâtiments Rhône-Alpes SAS", Fr),
        C("C10004", "Installations Lefèvre et Fils SARL", Fr),
        C("C10005", "Domotique Services SAS", Fr),
        C("C10006", "Groupe Hospitalier Saint-Joseph", Fr),
        C("C10007", "Commune de Villeurbanne", Fr),
        C("C10008", "Chauffage Durand & Cie", Fr),
        C("C10009", "Ets Perrin Électricité Générale", Fr, active: false),
        C("C10010", "Lumière & Design SAS", Fr),
        C("C10011", "Garnier Maintenance Industrielle SAS", Fr),
        C("C10012", "Hôtel Les Terrasses SARL", Fr),
        C("C10013", "Cabinet Rousseau Immobilier", Fr),
        C("C10014", "Entreprise Blanc Électricité", Fr),
        C("C10015", "Électro Bruxelles SRL", Fr),
        C("C10016", "Thames Lighting Ltd", Fr),
        C("C10017", "Clinique du Parc SAS", Fr),
        C("C10018", "Roux Climatisation SARL", Fr),
        C("C10019", "Atelier Fournier Menuiserie", Fr),
        C("C10020", "Lycée Professionnel Jean Moulin", Fr),
        C("C10021", "Bernard Énergies Renouvelables SAS", Fr),
        C("C10022", "SCI Les Halles du Centre", Fr),
        C("C10023", "Auvergne Câblage Industrie SAS", Fr),
        C("C10024", "Fontaine Électricité SARL", Fr, active: false),
        C("C10025", "Nexa Immobilier SAS", Fr),
        C("C10026", "EHPAD Résidence Les Tilleuls", Fr),
        C("C10027", "Girard Plomberie Chauffage", Fr),
        C("C10028", "Mercier Éclairage Public SAS", Fr),
        C("C10029", "Technic'Elec Bourgogne SARL", Fr),
        C("C10030", "Vincent Sécurité Incendie SAS", Fr),
        C("C10031", "Schweizer Licht AG", Fr),
        C("C10032", "Dubois Rénovation SARL", Fr),
        // Us
        C("100101", "Acme Corporation", Us),
        C("100102", "Great Lakes Fabrication Inc.", Us),
        C("100103", "Midwest Conveyor Systems LLC", Us),
        C("100104", "Riverside Packaging Co.", Us),
        C("100105", "Northwind Traders LLC", Us),
        C("100106", "Summit Food Processing Inc.", Us),
        C("100107", "Bluegrass Automotive Parts LLC", Us),
        C("100108", "Ohio Valley Plastics Corp.", Us),
        C("100109", "Pioneer Hydraulics Inc.", Us),
        C("100110", "Keystone Metal Works Inc.", Us),
        C("100111", "Harbor Marine Services LLC", Us),
        C("100112", "Cascade Paper Mills Inc.", Us),
        C("100113", "Lone Star Oilfield Supply LLC", Us, active: false),
        C("100114", "Granite State Electronics Inc.", Us),
        C("100115", "Prairie Grain Cooperative", Us),
        C("100116", "Allegheny Steel Fabricators Inc.", Us),
        C("100117", "Tri-County School District", Us),
        C("100118", "Redwood Brewing Company", Us),
        C("100119", "Magnolia Textile Mills Inc.", Us),
        C("100120", "Evergreen Medical Devices Inc.", Us),
        C("100121", "Heartland Cold Storage LLC", Us),
        C("100122", "Atlas Precision Machining Inc.", Us),
        C("100123", "Copper Canyon Mining Co.", Us, active: false),
        C("100124", "Bayou Chemical Distributors LLC", Us),
        C("100125", "Maple Leaf Industrial Ltd.", Us),
        C("100126", "Sierra Aggregates Inc.", Us),
        C("100127", "Chesapeake Logistics Group LLC", Us),
        C("100128", "Frontier Rail Services Inc.", Us),
        C("100129", "Twin Cities Food Co-op", Us),
        C("100130", "Desert Sun Solar LLC", Us),
    ];
}
