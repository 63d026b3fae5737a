import { z } from 'zod';
import { migrateVersioned, type VersionedFormat } from '../lib/versioned';
import { DeviceRoleSchema, SiteRoleSchema, type DeviceRole } from '../model/topology';

/**
 * The price book: what devices, optics, installation, circuits and running a
 * network cost. A project stores its own edited copy; `DEFAULT_PRICE_BOOK`
 * (also shipped as resources/pricebook.json) is the starting point. One-time
 * prices are list-price USD; circuits are priced as carriers sell them
 * (installation plus a monthly charge by bandwidth and distance band; dark
 * fibre as an IRU plus annual maintenance). Every section carries `source`:
 * where its figures come from, their range and date, or that they are an
 * assumption. docs/cost-model.md explains each figure.
 */
export const PRICE_BOOK_FORMAT_VERSION = 2;

const Usd = z.number().nonnegative().max(1e9);
const Source = z.string().max(2000).default('');

/** One device model: the price of a box with this many ports. */
export const DeviceTierSchema = z.strictObject({ ports: z.number().int().min(1).max(100_000), usd: Usd });
export type DeviceTier = z.infer<typeof DeviceTierSchema>;

/** Transceivers of one speed; every link needs one per member at each end. */
export const OpticTierSchema = z.strictObject({
  capacityGbps: z.number().positive(),
  shortReachUsd: Usd,
  longReachUsd: Usd,
});
export type OpticTier = z.infer<typeof OpticTierSchema>;

/** A carrier service of this bandwidth: one-time installation and the monthly charge in the first distance band. */
export const CircuitTierSchema = z.strictObject({
  capacityGbps: z.number().positive(),
  installUsd: Usd,
  monthlyUsd: Usd,
});
export type CircuitTier = z.infer<typeof CircuitTierSchema>;

/** A distance band: route km up to `maxKm` (the last band takes every longer circuit). */
export const DistanceBandSchema = z.strictObject({ name: z.string().min(1).max(50), maxKm: z.number().positive() });

const ascending = <T>(key: (t: T) => number) => (tiers: T[]) =>
  tiers.every((t, i) => i === 0 || key(tiers[i - 1]!) < key(t));

const DeviceTiers = z
  .array(DeviceTierSchema)
  .min(1)
  .max(50)
  .refine(ascending((t: DeviceTier) => t.ports), { message: 'tiers must be in increasing port order' });

const CircuitTiers = z
  .array(CircuitTierSchema)
  .min(1)
  .max(50)
  .refine(ascending((t: CircuitTier) => t.capacityGbps), { message: 'tiers must be in increasing capacity order' });

/** A leased service: tiers by bandwidth, and the monthly charge's multiplier in each distance band. */
const LeasedSchema = z.strictObject({
  tiers: CircuitTiers,
  bandFactors: z.array(z.number().positive().max(100)).min(1).max(10),
  source: Source,
});

export const PriceBookSchema = z
  .strictObject({
    formatVersion: z.literal(PRICE_BOOK_FORMAT_VERSION).default(PRICE_BOOK_FORMAT_VERSION),
    name: z.string().min(1).max(200).default('Custom price book'),
    currency: z.literal('USD').default('USD'),
    /** When the figures were last checked (ISO date). */
    asOf: z.string().max(40).default(''),
    devices: z.strictObject({
      /** Used for any role without its own tiers. */
      default: DeviceTiers,
      byRole: z.partialRecord(DeviceRoleSchema, DeviceTiers).default({}),
      /** Price per port above the largest tier (modular chassis line cards). */
      extraPortUsd: Usd,
      /** Staging, racking and commissioning one device (one-time). */
      installUsd: Usd,
      source: Source,
    }),
    optics: z.strictObject({
      /** Longer links need long-reach (coherent beyond ~80 km) optics. */
      shortReachMaxKm: z.number().nonnegative(),
      tiers: z
        .array(OpticTierSchema)
        .min(1)
        .max(50)
        .refine(ascending((t: OpticTier) => t.capacityGbps), { message: 'tiers must be in increasing capacity order' }),
      source: Source,
    }),
    circuits: z.strictObject({
      /** Cabling one link member inside one site (one-time). */
      intraSiteUsd: Usd,
      bands: z
        .array(DistanceBandSchema)
        .min(1)
        .max(10)
        .refine(ascending((b: { maxKm: number }) => b.maxKm), { message: 'bands must be in increasing distance order' }),
      internet: LeasedSchema,
      mpls: LeasedSchema,
      wavelength: LeasedSchema,
      darkFibre: z.strictObject({
        /** One-time: splicing, testing and patching both ends. */
        installUsd: Usd,
        /** Indefeasible right of use of one fibre pair for the term, per route km (one-time). */
        iruPerKmUsd: Usd,
        /** Operation and maintenance of the pair, per route km per year. */
        maintenancePerKmYearUsd: Usd,
        source: Source,
      }),
    }),
    recurring: z.strictObject({
      /** Vendor support and maintenance (hardware replacement, software), % of device list price per year. */
      supportPctPerYear: z.number().min(0).max(100),
      /** Colocation with power of one rack, per month, at sites of these roles. */
      rackMonthlyUsd: Usd,
      devicesPerRack: z.number().int().min(1).max(100),
      rackSiteRoles: z.array(SiteRoleSchema).max(10),
      source: Source,
    }),
  })
  .superRefine((book, ctx) => {
    const n = book.circuits.bands.length;
    for (const t of ['internet', 'mpls', 'wavelength'] as const) {
      if (book.circuits[t].bandFactors.length !== n) {
        ctx.addIssue({ code: 'custom', path: ['circuits', t, 'bandFactors'], message: `needs one factor per distance band (${n}), got ${book.circuits[t].bandFactors.length}` });
      }
    }
  });
export type PriceBook = z.infer<typeof PriceBookSchema>;
export type PriceBookInput = z.input<typeof PriceBookSchema>;

const ASOF = '2026-12-06';

/** The shipped defaults: public list prices and tariff surveys, rounded (sources per section); edit per project. */
export const DEFAULT_PRICE_BOOK: PriceBook = {
  formatVersion: PRICE_BOOK_FORMAT_VERSION,
  name: 'NetTwin default price book',
  currency: 'USD',
  asOf: ASOF,
  devices: {
    default: [
      { ports: 8, usd: 4_000 },
      { ports: 24, usd: 10_000 },
      { ports: 48, usd: 25_000 },
      { ports: 96, usd: 55_000 },
    ],
    byRole: {
      edge: [
        { ports: 8, usd: 2_500 },
        { ports: 24, usd: 6_000 },
        { ports: 48, usd: 12_000 },
      ],
      spoke: [
        { ports: 8, usd: 2_500 },
        { ports: 24, usd: 6_000 },
        { ports: 48, usd: 12_000 },
      ],
      access: [
        { ports: 24, usd: 3_000 },
        { ports: 48, usd: 6_000 },
        { ports: 96, usd: 14_000 },
      ],
      distribution: [
        { ports: 24, usd: 12_000 },
        { ports: 48, usd: 22_000 },
        { ports: 96, usd: 45_000 },
      ],
      leaf: [
        { ports: 32, usd: 18_000 },
        { ports: 48, usd: 25_000 },
        { ports: 64, usd: 32_000 },
        { ports: 96, usd: 48_000 },
      ],
      spine: [
        { ports: 32, usd: 35_000 },
        { ports: 64, usd: 60_000 },
        { ports: 128, usd: 140_000 },
      ],
      'super-spine': [
        { ports: 64, usd: 80_000 },
        { ports: 128, usd: 160_000 },
        { ports: 256, usd: 340_000 },
      ],
      core: [
        { ports: 32, usd: 60_000 },
        { ports: 64, usd: 110_000 },
        { ports: 128, usd: 220_000 },
        { ports: 576, usd: 900_000 },
      ],
      hub: [
        { ports: 24, usd: 20_000 },
        { ports: 48, usd: 40_000 },
        { ports: 96, usd: 80_000 },
        { ports: 384, usd: 300_000 },
      ],
      firewall: [
        { ports: 8, usd: 8_000 },
        { ports: 16, usd: 20_000 },
        { ports: 32, usd: 50_000 },
      ],
    },
    extraPortUsd: 900,
    installUsd: 1_000,
    source:
      `List prices as public resellers show them (checked ${ASOF}), rounded, without discount (enterprises typically get 30–60 % off list): ` +
      'branch/SD-WAN edge routers (Cisco Catalyst 8200/8300, Meraki MX, Fortinet FortiGate 100F class) $2k–$12k; ' +
      'access switches (Catalyst 9200/9300, Aruba CX 6300) $3k–$14k; data-centre leaves (Arista 7050X3, Cisco Nexus 93180YC) $18k–$48k; ' +
      'spines (Arista 7280R3/7500R, Nexus 9364C) $35k–$140k; core routers (Cisco ASR 9900/8000, Juniper MX10003/PTX) $60k–$900k by slots. ' +
      'Installation $1,000 per device: an editable assumption (one engineer day for staging, racking and commissioning at $800–$1,500).',
  },
  optics: {
    shortReachMaxKm: 10,
    tiers: [
      { capacityGbps: 1, shortReachUsd: 50, longReachUsd: 400 },
      { capacityGbps: 10, shortReachUsd: 150, longReachUsd: 1_500 },
      { capacityGbps: 25, shortReachUsd: 250, longReachUsd: 2_500 },
      { capacityGbps: 40, shortReachUsd: 400, longReachUsd: 4_000 },
      { capacityGbps: 100, shortReachUsd: 900, longReachUsd: 8_000 },
      { capacityGbps: 400, shortReachUsd: 3_000, longReachUsd: 15_000 },
    ],
    source:
      `Compatible-optics reseller prices (FS.com, Flexoptix class, checked ${ASOF}); OEM list is 3–10× higher. ` +
      'Short reach: SR/LR to 10 km; long reach: ER/ZR to 80 km and coherent 100G/400G ZR(+) beyond ($8k–$20k). One optic per LAG member at each end.',
  },
  circuits: {
    intraSiteUsd: 150,
    bands: [
      { name: 'metro', maxKm: 50 },
      { name: 'regional', maxKm: 500 },
      { name: 'long haul', maxKm: 3_000 },
      { name: 'intercontinental', maxKm: 40_000 },
    ],
    internet: {
      tiers: [
        { capacityGbps: 0.05, installUsd: 500, monthlyUsd: 250 },
        { capacityGbps: 0.1, installUsd: 500, monthlyUsd: 350 },
        { capacityGbps: 0.2, installUsd: 500, monthlyUsd: 450 },
        { capacityGbps: 0.5, installUsd: 750, monthlyUsd: 650 },
        { capacityGbps: 1, installUsd: 1_000, monthlyUsd: 900 },
        { capacityGbps: 2, installUsd: 1_500, monthlyUsd: 1_300 },
        { capacityGbps: 5, installUsd: 1_500, monthlyUsd: 2_200 },
        { capacityGbps: 10, installUsd: 2_000, monthlyUsd: 3_500 },
      ],
      bandFactors: [1, 1, 1, 1],
      source:
        'Dedicated internet access used as an SD-WAN underlay, per site access. TeleGeography WAN Cost Benchmark / IP transit and DIA pricing ' +
        '(2023–2024 editions): median 100 Mbit/s DIA in major cities roughly $250–$600 a month, 1 Gbit/s $500–$1,500, 10 Gbit/s $2,000–$6,000 (2 and 5 Gbit/s interpolated, an editable assumption); ' +
        'installation $0–$1,500. Distance-insensitive: each site buys its own local access (band factors 1).',
    },
    mpls: {
      tiers: [
        { capacityGbps: 0.05, installUsd: 1_000, monthlyUsd: 700 },
        { capacityGbps: 0.1, installUsd: 1_000, monthlyUsd: 1_000 },
        { capacityGbps: 0.2, installUsd: 1_000, monthlyUsd: 1_400 },
        { capacityGbps: 0.5, installUsd: 1_500, monthlyUsd: 2_000 },
        { capacityGbps: 1, installUsd: 2_000, monthlyUsd: 2_800 },
        { capacityGbps: 2, installUsd: 2_500, monthlyUsd: 4_000 },
        { capacityGbps: 5, installUsd: 2_500, monthlyUsd: 6_000 },
        { capacityGbps: 10, installUsd: 3_000, monthlyUsd: 9_000 },
      ],
      bandFactors: [1, 1, 1.2, 1.6],
      source:
        'MPLS/IP-VPN port plus access. TeleGeography WAN Cost Benchmark (2023–2024): MPLS ports cost 2–4× DIA of the same speed; ' +
        '100 Mbit/s in mature markets roughly $700–$2,500 a month, 1 Gbit/s $2,000–$5,000 (2 and 5 Gbit/s interpolated towards 10 Gbit/s, an editable assumption). Band factors for international/intercontinental ' +
        'sites (1.2, 1.6) are an editable assumption from the same survey’s regional spread.',
    },
    wavelength: {
      tiers: [
        { capacityGbps: 1, installUsd: 3_000, monthlyUsd: 1_000 },
        { capacityGbps: 10, installUsd: 5_000, monthlyUsd: 1_500 },
        { capacityGbps: 100, installUsd: 8_000, monthlyUsd: 3_500 },
        { capacityGbps: 400, installUsd: 12_000, monthlyUsd: 7_500 },
      ],
      bandFactors: [1, 1.8, 3.5, 6],
      source:
        'Carrier wavelength per λ. TeleGeography wholesale bandwidth pricing (2023–2024): metro 10G waves about $1,000–$2,500 a month, ' +
        '100G metro $2,500–$5,000; 100G long haul (1,000–3,000 km) $8k–$15k; 100G transatlantic $15k–$30k. Band factors (1 / 1.8 / 3.5 / 6) ' +
        'are fitted to those ranges. A LAG of n members is one build (one installation) and n wavelengths on the same path.',
    },
    darkFibre: {
      installUsd: 10_000,
      iruPerKmUsd: 1_500,
      maintenancePerKmYearUsd: 250,
      source:
        'Metro/regional dark fibre IRU for one pair over 10–20 years: published IRU surveys and municipal network tariffs quote roughly ' +
        '$500–$3,000 per pair-km (metro at the top end), O&M $100–$400 per km a year. Installation $10,000 (splicing, OTDR tests, patching both ends) ' +
        'is an editable assumption. Lit with the design’s own optics: a LAG is more optics on the same pair, not a second IRU.',
    },
  },
  recurring: {
    supportPctPerYear: 12,
    rackMonthlyUsd: 1_500,
    devicesPerRack: 8,
    rackSiteRoles: ['datacenter', 'colo', 'region-hub'],
    source:
      'Support: Cisco SMARTnet / Arista A-Care / Juniper Care list prices are 8–20 % of hardware list a year; 12 % is the middle. ' +
      'Colocation: CBRE and datacenterHawk North America/Europe reports (2023–2024) give $150–$250 per kW a month; a 5–8 kW network rack ' +
      'with power is about $1,000–$2,500 a month. 8 network devices per rack and which site roles pay colocation are editable assumptions ' +
      '(HQ, campus and branch equipment stands on own premises; its power is not priced).',
  },
};

/** Version 1 folded circuit leases into a 3-year capex price; those figures cannot be split, so circuits take the defaults. */
const PRICE_BOOK_FORMAT: VersionedFormat = {
  what: 'price book',
  current: PRICE_BOOK_FORMAT_VERSION,
  migrations: {
    1: (doc) => {
      const devices = (doc['devices'] ?? {}) as Record<string, unknown>;
      const optics = (doc['optics'] ?? {}) as Record<string, unknown>;
      const links = (doc['links'] ?? {}) as Record<string, unknown>;
      const d = DEFAULT_PRICE_BOOK;
      return {
        name: doc['name'],
        currency: doc['currency'],
        asOf: '',
        devices: { ...devices, installUsd: d.devices.installUsd, source: 'kept from a version 1 price book' },
        optics: { ...optics, source: 'kept from a version 1 price book' },
        circuits: { ...JSON.parse(JSON.stringify(d.circuits)) as typeof d.circuits, intraSiteUsd: links['intraSiteUsd'] ?? d.circuits.intraSiteUsd },
        recurring: JSON.parse(JSON.stringify(d.recurring)) as typeof d.recurring,
      };
    },
  },
};

/** Parses a stored or edited price book (older versions migrated); one line per problem, naming the field path. */
export function parsePriceBook(
  raw: unknown,
): { ok: true; book: PriceBook } | { ok: false; problems: string[] } {
  let doc: unknown;
  try {
    doc = migrateVersioned(raw, PRICE_BOOK_FORMAT);
  } catch (err) {
    return { ok: false, problems: [`formatVersion: ${(err as Error).message}`] };
  }
  const r = PriceBookSchema.safeParse(doc);
  if (r.success) return { ok: true, book: r.data };
  return { ok: false, problems: r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}

/** The tiers that price a device of this role. */
export function deviceTiers(book: PriceBook, role: DeviceRole): readonly DeviceTier[] {
  return book.devices.byRole[role] ?? book.devices.default;
}
