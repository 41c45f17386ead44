// Small word lists the demo company is generated from: names of firms, products and places. All
// fictional; the domains are reserved example domains, so no address can reach anyone.

export const COMPANY_NAME = "CRONUS Demo Ltd.";
export const COMPANY_DOMAIN = "cronus-demo.example";

export const FIRM_WORDS = [
  "Alder",
  "Amber",
  "Anchor",
  "Apex",
  "Arbor",
  "Aspen",
  "Atlas",
  "Beacon",
  "Birch",
  "Bluebird",
  "Boulder",
  "Bramble",
  "Brook",
  "Canyon",
  "Cedar",
  "Cinder",
  "Clover",
  "Cobalt",
  "Coral",
  "Crest",
  "Cypress",
  "Dune",
  "Ember",
  "Falcon",
  "Fern",
  "Fjord",
  "Flint",
  "Garnet",
  "Granite",
  "Harbor",
  "Hazel",
  "Heron",
  "Hollow",
  "Indigo",
  "Juniper",
  "Kestrel",
  "Lark",
  "Linden",
  "Maple",
  "Marble",
  "Meadow",
  "Mesa",
  "Onyx",
  "Orchard",
  "Pebble",
  "Prairie",
  "Quarry",
  "Raven",
  "Ridge",
  "Sage",
  "Summit",
  "Thistle",
  "Timber",
  "Tundra",
  "Willow",
  "Wren",
];

export const CUSTOMER_TRADES = [
  "Interiors",
  "Office Design",
  "Hospitality",
  "Workspace",
  "Furnishings",
  "Hotels",
  "Studios",
  "Architects",
  "Living",
  "Retail",
];

export const VENDOR_TRADES = [
  "Timber Supply",
  "Metalworks",
  "Textiles",
  "Lighting",
  "Logistics",
  "Fittings",
  "Plastics",
  "Packaging",
  "Upholstery",
  "Hardware",
];

export const LEGAL_FORMS = ["Ltd.", "Inc.", "LLC", "Co.", "GmbH", "S.A.R.L."];

export interface Place {
  city: string;
  state: string;
  country: string;
  postCode: string;
  currency: string;
}

// "" is the company's local currency (USD), as Business Central leaves it blank.
export const PLACES: readonly Place[] = [
  { city: "Atlanta", state: "GA", country: "US", postCode: "30301", currency: "" },
  { city: "Chicago", state: "IL", country: "US", postCode: "60601", currency: "" },
  { city: "Denver", state: "CO", country: "US", postCode: "80202", currency: "" },
  { city: "Seattle", state: "WA", country: "US", postCode: "98101", currency: "" },
  { city: "Boston", state: "MA", country: "US", postCode: "02108", currency: "" },
  { city: "Austin", state: "TX", country: "US", postCode: "73301", currency: "" },
  { city: "Miami", state: "FL", country: "US", postCode: "33101", currency: "" },
  { city: "Toronto", state: "ON", country: "CA", postCode: "M5H 2N2", currency: "CAD" },
  { city: "London", state: "", country: "GB", postCode: "EC1A 1BB", currency: "GBP" },
  { city: "Manchester", state: "", country: "GB", postCode: "M1 1AE", currency: "GBP" },
  { city: "Munich", state: "BY", country: "DE", postCode: "80331", currency: "EUR" },
  { city: "Lyon", state: "", country: "FR", postCode: "69001", currency: "EUR" },
  { city: "Rotterdam", state: "", country: "NL", postCode: "3011", currency: "EUR" },
];

export const STREETS = [
  "Main Street",
  "Harbor Road",
  "Elm Avenue",
  "Station Road",
  "Market Square",
  "Mill Lane",
  "Park Avenue",
  "Bridge Street",
  "Church Road",
  "High Street",
  "Lake Drive",
  "Oak Boulevard",
];

export const PRODUCT_LINES = [
  "Oslo",
  "Bergen",
  "Lyon",
  "Verona",
  "Munich",
  "Athens",
  "Kyoto",
  "Toronto",
  "Lisbon",
  "Vienna",
  "Prague",
  "Dublin",
  "Helsinki",
  "Seville",
  "Geneva",
];

export interface ProductKind {
  noun: string;
  category: string;
  price: readonly [number, number];
}

export const PRODUCT_KINDS: readonly ProductKind[] = [
  { noun: "Desk", category: "DESK", price: [280, 950] },
  { noun: "Standing Desk", category: "DESK", price: [520, 1400] },
  { noun: "Swivel Chair", category: "CHAIR", price: [120, 480] },
  { noun: "Guest Chair", category: "CHAIR", price: [60, 220] },
  { noun: "Conference Table", category: "TABLE", price: [700, 2600] },
  { noun: "Side Table", category: "TABLE", price: [90, 300] },
  { noun: "Bookcase", category: "STORAGE", price: [150, 520] },
  { noun: "Filing Cabinet", category: "STORAGE", price: [140, 460] },
  { noun: "Desk Lamp", category: "LIGHTING", price: [30, 140] },
  { noun: "Floor Lamp", category: "LIGHTING", price: [80, 320] },
  { noun: "Whiteboard", category: "MISC", price: [70, 260] },
  { noun: "Coat Rack", category: "MISC", price: [40, 150] },
];

export const SERVICES = ["Assembly Service", "Delivery and Installation", "Design Consultation"];

export const JOURNAL_DESCRIPTIONS = [
  "Office rent",
  "Electricity",
  "Bank charges",
  "Insurance premium",
  "Travel expenses",
  "Software subscription",
  "Cleaning services",
  "Telephone and internet",
];
