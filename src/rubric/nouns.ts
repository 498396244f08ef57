// Noun classes the checks share: who a product serves, and what gets counted when a pain is measured.

/**
 * People and organisations a product serves, by the trade they belong to. Roles in one trade share a
 * workplace (a vet, a pharmacist and a clinic's front desk); roles in different trades are different
 * markets. `general` roles (staff, managers, owners) belong to every trade.
 */
export const ROLE_SECTORS = {
  general: String.raw`staff|front[- ]desk|coordinators?|managers?|owners?|operators?|officers?|clerks?|members?|families|households|seniors|retirees|event planners?|volunteers?`,
  health: String.raw`nurses?|clinicians?|physicians?|doctors?|vets?|veterinar\w+|pharmacists?|caregivers?|patients?|clinics?|practices?|hospitals?|pharmacies?|dentists?|dental|therapists?`,
  education: String.raw`teachers?|parents?|students?|schools?|librarians?`,
  hospitality: String.raw`restaurants?|cafes?|bakeries?|hotels?|pubs?|cooks?|chefs?|waiters?|caterers?`,
  property: String.raw`landlords?|tenants?|homeowners?|renters?|residents?`,
  trades: String.raw`plumbers?|electricians?|technicians?|contractors?|installers?|inspectors?|gardeners?`,
  transport: String.raw`drivers?|couriers?|truckers?|fleets?|dispatchers?|pickers?|warehouses?|pilots?|commuters?|travell?ers?|passengers?`,
  retail: String.raw`shops?|stores?|retailers?|sellers?|merchants?|cashiers?|buyers?|shoppers?|dealers?`,
  professional: String.raw`accountants?|bookkeepers?|lawyers?|paralegals?|brokers?|adjusters?|analysts?|recruiters?|agencies|firms?|freelancers?`,
  creative: String.raw`designers?|creators?|musicians?|artists?`,
  software: String.raw`developers?|engineers?`,
  research: String.raw`researchers?|scientists?`,
  sport: String.raw`runners?|cyclists?|coaches?|gyms?|salons?`,
  farming: String.raw`farmers?|growers?`,
} as const;
export type RoleSector = keyof typeof ROLE_SECTORS;

/** People and organisations a product serves: a role, a trade or a kind of organisation. */
export const ROLE_NOUNS = `(?:${Object.values(ROLE_SECTORS).join("|")})`;

/** People named by a role, or by what they do ("surveyors", "florists", "swimmers", "technicians"). */
export const PEOPLE_NOUNS = String.raw`(?:${ROLE_NOUNS}|[a-z]{3,}(?:ers|ors|ists|ians))`;

const SECTOR_RES = Object.entries(ROLE_SECTORS).map(([sector, nouns]) => [sector as RoleSector, new RegExp(String.raw`\b(?:${nouns})\b`, "i")] as const);

/** The trades the roles in `text` belong to, without `general` (which belongs to every trade). */
export function sectorsOf(text: string): RoleSector[] {
  return SECTOR_RES.filter(([sector, re]) => sector !== "general" && re.test(text)).map(([sector]) => sector);
}

/** What is counted when a pain or an outcome is measured: requests, visits, records, deliveries, places, people. */
export const COUNTED_NOUNS = String.raw`(?:calls?|orders?|requests?|visits?|appointments?|bookings?|reservations?|tickets?|messages?|emails?|texts?|voicemails?|callbacks?|shipments?|deliveries|delivery|loads?|jobs?|claims?|invoices?|prescriptions?|refills?|items?|units?|transactions?|sessions?|complaints?|errors?|mistakes?|returns?|cases?|records?|charts?|forms?|files?|steps?|trips?|rides?|routes?|stops?|meals?|parcels?|packages?|pallets?|boxes|vehicles?|trucks?|beds?|rooms?|seats?|accounts?|trials?|shifts?|sites?|locations?|branches|venues?|cent(?:re|er)s?|offices?|pools?|farms?|depots?|buildings?|homes?|acres?|hectares?|customers?|users?|people|persons?)`;
