namespace Connector.Host.Bench;

/// <summary>Word pools for realistic-looking French company names, addresses and articles.</summary>
internal static class BenchNames
{
    public static readonly string[] Trades =
    [
        "Électricité", "Plomberie", "Chauffage", "Bâtiments", "Installations", "Domotique", "Maintenance", "Menuiserie",
        "Climatisation", "Éclairage", "Travaux", "Énergies", "Câblage", "Réseaux", "Sécurité", "Toitures", "Charpentes",
        "Peinture", "Carrelage", "Serrurerie", "Métallerie", "Isolation", "Ascenseurs", "Automatismes", "Froid",
        "Ventilation", "Terrassement", "Maçonnerie", "Façades", "Agencement",
    ];

    public static readonly string[] Surnames =
    [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent", "Simon",
        "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont",
        "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc",
        "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin",
        "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand", "Duval", "Denis",
        "Dumont", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun", "Blanchard", "Giraud", "Joly", "Rivière",
        "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy",
        "Leroux", "Colin", "Vidal", "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas",
        "Lacroix", "Olivier", "Philippe", "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland",
        "Guillaume", "Lecomte", "Chauvin", "Besson",
    ];

    public static readonly string[] Towns =
    [
        "Lyon", "Villeurbanne", "Vienne", "Bron", "Vénissieux", "Grenoble", "Saint-Étienne", "Annecy", "Chambéry",
        "Valence", "Mâcon", "Bourg-en-Bresse", "Roanne", "Clermont-Ferrand", "Dijon", "Besançon", "Meyzieu", "Décines",
        "Écully", "Oullins", "Givors", "Villefranche", "Montélimar", "Romans", "Voiron", "Aix-les-Bains", "Thonon",
        "Annemasse", "Oyonnax", "Rillieux",
    ];

    public static readonly string[] LegalForms = ["SARL", "SAS", "SA", "EURL", "SASU"];

    public static readonly string[] Suffixes = ["", " et Fils", " & Cie", " Frères", " et Associés"];

    public static readonly string[] Streets = ["rue", "avenue", "boulevard", "chemin", "impasse", "place", "quai", "route"];

    /// <summary>Articles: code, description, unit, unit price.</summary>
    public static readonly (string Code, string Description, string Unit, decimal Price)[] Articles =
    [
        ("DJ-PN-C16", "Disjoncteur phase+neutre 16 A courbe C", "u", 9.85m),
        ("DJ-PN-C20", "Disjoncteur phase+neutre 20 A courbe C", "u", 10.40m),
        ("ID-40-30", "Interrupteur différentiel 40 A 30 mA type AC", "u", 42.90m),
        ("TAB-3R-39M", "Tableau électrique 3 rangées 39 modules", "u", 118.00m),
        ("CAB-RO2V-3G25", "Câble R2V 3G2,5 mm² couronne 100 m", "lot", 189.50m),
        ("CAB-H07-15", "Fil H07V-U 1,5 mm² bleu 100 m", "lot", 24.30m),
        ("GAI-ICTA-20", "Gaine ICTA Ø20 couronne 100 m", "lot", 31.75m),
        ("PRI-2P+T", "Prise 2P+T 16 A blanche", "u", 4.65m),
        ("INT-VV", "Interrupteur va-et-vient blanc", "u", 3.90m),
        ("LED-SPOT-7W", "Spot LED encastrable 7 W 4000 K", "u", 12.80m),
        ("LED-DALLE-60", "Dalle LED 600×600 36 W", "u", 38.60m),
        ("RAD-ELEC-1500", "Radiateur à inertie 1500 W", "u", 349.00m),
        ("VMC-SF-HYG", "VMC simple flux hygroréglable", "u", 214.00m),
        ("MO-ELEC", "Main-d'œuvre électricien", "h", 52.00m),
        ("MO-ENER55", "Pose régulation chauffage, rénovation énergétique", "h", 48.00m),
        ("DEP-FORF", "Déplacement forfaitaire", "u", 35.00m),
        ("BOR-IRVE-7K", "Borne de recharge 7,4 kW", "u", 689.00m),
        ("DET-FUM", "Détecteur de fumée NF", "u", 17.50m),
        ("CONT-JN-25", "Contacteur jour/nuit 25 A", "u", 23.40m),
        ("LOC-NAC", "Location nacelle", "j", 145.00m),
    ];
}
