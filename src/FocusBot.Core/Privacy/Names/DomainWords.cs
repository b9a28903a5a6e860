using System.Collections.Frozen;

namespace FocusBot.Core.Privacy;

/// <summary>
/// Capitalised words and phrases of the table's own world that look like names and are not: places, programs,
/// institutions, days and months, and the usual abbreviations of the notes. The roster's agency names are added to
/// <see cref="Phrases"/> per text through <see cref="IdentifierContext.AgencyNames"/>.
/// </summary>
public static class DomainWords
{
    /// <summary>
    /// Words that make a run of capitalised words an institution, a place or a program, never a person:
    /// "Humber River Hospital", "Lawrence Heights", "Housing First", "Ontario Works", "John Howard Society".
    /// </summary>
    public static readonly FrozenSet<string> Institutional = new[]
    {
        "Street", "St", "Avenue", "Ave", "Road", "Rd", "Boulevard", "Blvd", "Drive", "Dr", "Crescent", "Cres", "Court", "Ct",
        "Lane", "Way", "Place", "Square", "Terrace", "Trail", "Parkway", "Highway", "Hwy", "Park", "Heights", "Mills", "Valley",
        "Village", "Gardens", "Hill", "Hills", "Creek", "River", "Woods", "Grove", "Green", "Circle", "Gate", "Station", "Mall",
        "Plaza", "Centre", "Center", "Hospital", "Hospitals", "Clinic", "Health", "Healthcare", "Services", "Service", "Society",
        "Shelter", "Shelters", "Mission", "House", "Hall", "Housing", "Home", "Homes", "Works", "First", "Program",
        "Programme", "Table", "Division", "Police", "School", "Schools", "Secondary", "Elementary", "Public", "Catholic",
        "College", "University", "Academy", "Institute", "Library", "Church", "Mosque", "Temple", "Synagogue", "Community",
        "Communities", "Youth", "Family", "Families", "Children", "Children's", "Aid", "Legal", "Mental", "Addiction",
        "Addictions", "Support", "Supports", "Team", "Unit", "Outreach", "Crisis", "Line", "General", "Memorial", "Regional",
        "Network", "Association", "Council", "Agency", "Ministry", "Office", "Department", "Court", "Courthouse", "Tribunal",
        "Board", "Authority", "Corporation", "Inc", "Group", "Foundation", "Trust", "Fund", "Coalition", "Partnership",
        "Alliance", "Initiative", "Project", "Services'", "Care", "Residence", "Residences", "Lodge", "Manor", "Towers",
        "Tower", "Apartments", "Co-op", "Cooperative", "Drop-in", "Hub", "Respite", "Detox", "Withdrawal", "Harm",
        "Reduction", "Treatment", "Recovery", "Wellness", "Counselling", "Counseling", "Settlement", "Employment", "Works'",
        "Justice", "Probation", "Parole", "Correctional", "Victim", "Victims", "Women's", "Men's", "Shelter's", "Toronto",
        "Ontario", "Canada", "Canadian", "City", "Region", "Town", "Township", "North", "South", "East", "West", "Central",
        "Downtown", "Uptown", "Midtown", "Street's", "Transit", "Subway", "Line's", "Food", "Bank", "Pantry", "Kitchen",
        "Army", "Shepherd", "Shepherds", "Sisters", "Brothers", "Friends", "Neighbourhood", "Neighborhood", "Neighbourhoods",
        "Place's", "Hospice", "Pharmacy", "Dental", "Medical", "Nursing", "Nurse", "Nurses", "Paramedic", "Paramedics",
        "Fire", "Emergency", "Urgent", "Court's", "Hostel", "Motel", "Hotel", "Inn", "Rooms",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Words that are not a person's name when they stand alone or only with each other ("Kennedy and Eglinton",
    /// "Tuesday", "French"), but can be a family name after a given name or an honorific ("Mr. Wilson").
    /// </summary>
    public static readonly FrozenSet<string> NotNamesAlone = new[]
    {
        // Days and months, English and French.
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Lundi", "Mardi", "Mercredi", "Jeudi",
        "Vendredi", "Samedi", "Dimanche", "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December", "Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet",
        "Août", "Septembre", "Octobre", "Novembre", "Décembre", "Christmas", "Easter", "Thanksgiving", "Noël", "Pâques",
        // Toronto's tables, divisions, neighbourhoods and main streets.
        "Rexdale", "Scarborough", "Etobicoke", "York", "Weston", "Downsview", "Jane", "Finch", "Keele", "Kipling",
        "Islington", "Albion", "Dixon", "Eglinton", "Lawrence", "Sheppard", "Steeles", "Wilson", "Dufferin", "Bathurst",
        "Yonge", "Bayview", "Leslie", "Victoria", "Warden", "Kennedy", "Midland", "Brimley", "McCowan", "Markham",
        "Morningside", "Neilson", "Ellesmere", "Danforth", "Bloor", "Dundas", "Queen", "King", "College", "Spadina",
        "Parliament", "Sherbourne", "Jarvis", "Church", "Pape", "Broadview", "Coxwell", "Main", "Kingston", "Malvern",
        "Regent", "Moss", "Thorncliffe", "Flemingdon", "Parkdale", "Davenport", "Oakwood", "Vaughan", "Rogers",
        "Humber", "Humberwood", "Mimico", "Alderwood", "Birchmount", "Pharmacy", "Agincourt", "Guildwood", "Cliffside",
        "Oakridge", "Dorset", "Crescent", "Driftwood", "Sentinel", "Grandravine", "Shoreham", "Chalkfarm", "Falstaff",
        "Lotherton", "Trethewey", "Kingsview", "Thistletown", "Smithfield", "Mount", "Dennis", "Swansea", "Cabbagetown",
        "Riverdale", "Leaside", "Willowdale", "Brampton", "Mississauga", "Hamilton", "Ottawa", "Montreal", "Montréal",
        "Quebec", "Québec", "Sudbury", "Windsor", "London", "Barrie", "Oshawa", "Pickering", "Ajax", "Whitby", "Durham",
        "Peel", "Halton", "Simcoe", "Jamaica", "Somalia", "Syria", "Ukraine", "Mexico", "Haiti", "Nigeria", "Ghana",
        "Eritrea", "Afghanistan", "Philippines", "India", "China", "Vietnam", "Guyana", "Trinidad", "Congo", "Jordan",
        // Languages and peoples.
        "English", "French", "Français", "Anglais", "Spanish", "Portuguese", "Tamil", "Somali", "Arabic", "Tigrinya",
        "Amharic", "Farsi", "Dari", "Urdu", "Punjabi", "Mandarin", "Cantonese", "Tagalog", "Vietnamese", "Ukrainian",
        "Russian", "Polish", "Italian", "Creole", "Indigenous", "Black", "White", "Asian", "Métis", "Inuit",
        // Small words, capitalised at the start of a sentence or in a title ("Youth In Policing").
        "In", "On", "At", "The", "And", "Or", "Of", "To", "For", "With", "From", "By", "As", "Is", "Was", "Has", "Had",
        "Not", "No", "Yes", "But", "So", "If", "Le", "La", "Les", "Un", "Une", "Des", "Du", "De", "Et", "Ou", "En", "Au",
        "Aux", "Il", "Elle", "Ils", "Elles", "Sa", "Ses", "Pas", "Per", "Re", "Via",
        // Words the notes start sentences with or capitalise.
        "Pt", "Client", "Clients", "Youth", "Lead", "Assisting", "Update", "Note", "Notes", "Next", "Step", "Steps",
        "Follow", "Safety", "Plan", "Door", "Knock", "Risk", "Situation", "Agenda", "Meeting", "Co-chair", "Cochair",
        "Mom", "Dad", "Mum", "Mother", "Father", "Worker", "Officer", "Officers", "Constable", "Sergeant", "Detective",
        "Landlord", "Superintendent", "Staff", "Manager", "Coordinator", "Case", "Intake", "Referral", "Consent",
        "God", "Bible", "Quran", "Covid", "Teams", "Outlook", "Zoom", "Microsoft", "Google", "Uber", "Presto",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Phrases that are never people, whatever words they hold: programs, places and agencies whose names are made
    /// of given and family names ("Fred Victor", "Jean Tweed", "John Howard", "Elizabeth Fry").
    /// </summary>
    public static readonly IReadOnlyList<string> Phrases =
    [
        "Jane and Finch", "Jane-Finch", "Housing First", "Ontario Works", "Ontario Disability Support Program",
        "Humber River Hospital", "Fred Victor", "Scott Mission", "Jean Tweed", "John Howard", "Elizabeth Fry",
        "Covenant House", "Sick Kids", "SickKids", "Seaton House", "Dixon Hall", "Salvation Army", "Good Shepherd",
        "Sherbourne Health", "Regent Park", "Moss Park", "Black Creek", "Victoria Park", "Don Mills", "Don Valley",
        "Royal York", "Martin Grove", "Mount Dennis", "St. James Town", "St James Town", "Lawrence Heights",
        "Crescent Town", "Children's Aid", "Native Child and Family", "Anishnawbe Health", "William Osler",
        "Michael Garron", "St. Michael's", "St Michael's", "St. Joseph's", "St Joseph's", "Sunnybrook", "George Brown",
        "Eva's", "Margaret's", "Sistering", "Ernestine's", "Evangel Hall", "Street Haven", "Agincourt", "Thorncliffe Park",
        "Flemingdon Park", "Weston Road", "Albion Road", "Kipling Avenue", "Martin Luther", "Mary Ann", "Tim Hortons",
        "Shoppers Drug Mart", "Dollarama", "Walmart", "Canadian Tire", "Scarborough Town Centre", "Yorkdale",
        "Ontario Northland", "Grace Hospital", "Hope Shelter", "Toronto Community Housing", "Toronto Police Service",
        "Toronto Paramedic Services", "Toronto Public Health", "Toronto Public Library", "Toronto District School Board",
        "Catholic District School Board", "Protection de la jeunesse", "Société d'aide à l'enfance", "Centre francophone",
        "Oasis", "La Maison", "Maison Fraternité", "Centre Francophone du Grand Toronto",
    ];
}
