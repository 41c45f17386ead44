// Customers, vendors, items and employees of the demo company.
import type { Person } from "../types";
import type { SeedContext } from "./context";
import { slug } from "./context";
import {
  COMPANY_DOMAIN,
  CUSTOMER_TRADES,
  FIRM_WORDS,
  LEGAL_FORMS,
  PLACES,
  PRODUCT_KINDS,
  PRODUCT_LINES,
  SERVICES,
  STREETS,
  VENDOR_TRADES,
} from "./words";

export const CUSTOMER_COUNT = 50;
export const VENDOR_COUNT = 30;
export const ITEM_COUNT = 100;

function address(ctx: SeedContext) {
  const place = ctx.rng.pick(PLACES);
  return { place, line1: `${ctx.rng.int(1, 999)} ${ctx.rng.pick(STREETS)}` };
}

// 555-01xx numbers are reserved for fiction.
const phone = (ctx: SeedContext): string => `+1 555 01${String(ctx.rng.int(0, 99)).padStart(2, "0")}`;

export function seedCustomers(ctx: SeedContext, people: readonly Person[]): void {
  const salespeople = people.filter((p) => p.salespersonCode !== "").map((p) => p.salespersonCode);
  const words = ctx.rng.shuffle(FIRM_WORDS);
  for (let i = 0; i < CUSTOMER_COUNT; i++) {
    const firm = `${words[i % words.length]} ${ctx.rng.pick(CUSTOMER_TRADES)}`;
    const { place, line1 } = address(ctx);
    const domain = `${slug(firm)}.example`;
    ctx.add("customers", {
      number: `C${10000 + i * 10}`,
      displayName: `${firm} ${ctx.rng.pick(LEGAL_FORMS)}`,
      type: ctx.rng.chance(0.9) ? "Company" : "Person",
      addressLine1: line1,
      city: place.city,
      state: place.state,
      country: place.country,
      postalCode: place.postCode,
      phoneNumber: phone(ctx),
      email: `contact@${domain}`,
      website: `www.${domain}`,
      salespersonCode: salespeople[i % salespeople.length] ?? "",
      creditLimit: ctx.rng.pick([0, 5000, 10000, 25000, 50000, 100000]),
      taxLiable: place.country === "US",
      taxRegistrationNumber:
        place.country === "US" ? "" : `${place.country}${ctx.rng.int(100000000, 999999999)}`,
      currencyCode: place.currency,
      paymentTermsCode: ctx.rng.pick(["30 DAYS", "14 DAYS", "CM"]),
      // A few customers are blocked, so "blocked ne ' '" finds something.
      blocked: i === 7 ? "Ship" : i === 23 ? "All" : " ",
    });
  }
}

export function seedVendors(ctx: SeedContext, people: readonly Person[]): void {
  const purchasers = people.filter((p) => p.purchaserCode !== "").map((p) => p.purchaserCode);
  const words = ctx.rng.shuffle(FIRM_WORDS);
  for (let i = 0; i < VENDOR_COUNT; i++) {
    const firm = `${words[i % words.length]} ${ctx.rng.pick(VENDOR_TRADES)}`;
    const { place, line1 } = address(ctx);
    const domain = `${slug(firm)}.example`;
    ctx.add("vendors", {
      number: `V${20000 + i * 10}`,
      displayName: `${firm} ${ctx.rng.pick(LEGAL_FORMS)}`,
      addressLine1: line1,
      city: place.city,
      state: place.state,
      country: place.country,
      postalCode: place.postCode,
      phoneNumber: phone(ctx),
      email: `accounts@${domain}`,
      website: `www.${domain}`,
      taxRegistrationNumber:
        place.country === "US" ? "" : `${place.country}${ctx.rng.int(100000000, 999999999)}`,
      currencyCode: place.currency,
      paymentTermsCode: ctx.rng.pick(["30 DAYS", "60 DAYS", "14 DAYS"]),
      paymentMethodCode: ctx.rng.pick(["BANK", "BANK", "CHECK"]),
      taxLiable: place.country === "US",
      purchaserCode: purchasers[i % purchasers.length] ?? "",
      blocked: i === VENDOR_COUNT - 1 ? "Payment" : " ",
    });
  }
}

const roundPrice = (n: number): number => Math.max(5, Math.round(n / 5) * 5) - 0.01;

export function seedItems(ctx: SeedContext): void {
  const combos = ctx.rng.shuffle(
    PRODUCT_LINES.flatMap((line) => PRODUCT_KINDS.map((kind) => ({ line, kind }))),
  );
  const products = ITEM_COUNT - SERVICES.length;
  for (let i = 0; i < ITEM_COUNT; i++) {
    const number = String(1000 + i * 10);
    const combo = combos[i];
    if (i < products && combo) {
      const price = roundPrice(ctx.rng.int(combo.kind.price[0], combo.kind.price[1]));
      ctx.add("items", {
        number,
        displayName: `${combo.line} ${combo.kind.noun}`,
        displayName2: ctx.rng.pick(["", "", "Oak", "Black", "White", "Walnut", "Grey"]),
        type: "Inventory",
        itemCategoryCode: combo.kind.category,
        blocked: i === 41 || i === 77,
        gtin: `50${String(ctx.rng.int(0, 99999999999)).padStart(11, "0")}`,
        inventory: ctx.rng.int(0, 300),
        unitPrice: price,
        priceIncludesTax: false,
        unitCost: Math.round(price * (0.55 + ctx.rng.next() * 0.15) * 100) / 100,
        taxGroupCode: "FURNITURE",
        baseUnitOfMeasureCode: "PCS",
        generalProductPostingGroupCode: "RETAIL",
        inventoryPostingGroupCode: "RESALE",
      });
    } else {
      const name = SERVICES[i - products] ?? "Service";
      const price = ctx.rng.int(60, 140);
      ctx.add("items", {
        number,
        displayName: name,
        type: "Service",
        itemCategoryCode: "SERVICE",
        unitPrice: price,
        unitCost: Math.round(price * 0.5 * 100) / 100,
        taxGroupCode: "SERVICES",
        baseUnitOfMeasureCode: "HOUR",
        generalProductPostingGroupCode: "SERVICES",
      });
    }
  }
}

export function seedEmployees(ctx: SeedContext, people: readonly Person[]): void {
  people.forEach((person, index) => {
    const { place, line1 } = address(ctx);
    ctx.add("employees", {
      number: `E${101 + index}`,
      displayName: person.displayName,
      givenName: person.givenName,
      surname: person.surname,
      jobTitle: person.jobTitle,
      addressLine1: line1,
      city: place.city,
      country: place.country,
      postalCode: place.postCode,
      phoneNumber: phone(ctx),
      mobilePhone: phone(ctx),
      email: person.email,
      personalEmail: `${person.givenName.toLowerCase()}.${ctx.rng.int(10, 99)}@home.${COMPANY_DOMAIN}`,
      employmentDate: ctx.day(-ctx.rng.int(200, 4000)),
      status: "Active",
      birthDate: ctx.day(-ctx.rng.int(22 * 365, 60 * 365)),
    });
  });
}
