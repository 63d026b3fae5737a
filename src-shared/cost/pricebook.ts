import { z } from 'zod';
import { DeviceRoleSchema, type DeviceRole } from '../model/topology';

/**
 * The price book: what devices, circuits and optics cost. A project stores
 * its own edited copy; `DEFAULT_PRICE_BOOK` (also shipped as
 * resources/pricebook.json) is the starting point. Prices are list-price
 * USD, capex-equivalent over `termYears` (circuit leases are folded into the
 * per-km price for that term), so one total compares designs fairly.
 */
export const PRICE_BOOK_FORMAT_VERSION = 1;

const Usd = z.number().nonnegative().max(1e9);

/** One device model: the price of a box with this many ports. */
export const DeviceTierSchema = z.strictObject({ ports: z.number().int().min(1).max(100_000), usd: Usd });
export type DeviceTier = z.infer<typeof DeviceTierSchema>;

/** A circuit of this capacity between two sites: install plus per-km over the term. */
export const LinkTierSchema = z.strictObject({
  capacityGbps: z.number().positive(),
  installUsd: Usd,
  perKmUsd: Usd,
});
export type LinkTier = z.infer<typeof LinkTierSchema>;

/** Transceivers of one speed; every link needs two. */
export const OpticTierSchema = z.strictObject({
  capacityGbps: z.number().positive(),
  shortReachUsd: Usd,
  longReachUsd: Usd,
});
export type OpticTier = z.infer<typeof OpticTierSchema>;

const ascending = <T>(key: (t: T) => number) => (tiers: T[]) =>
  tiers.every((t, i) => i === 0 || key(tiers[i - 1]!) < key(t));

const DeviceTiers = z
  .array(DeviceTierSchema)
  .min(1)
  .max(50)
  .refine(ascending((t: DeviceTier) => t.ports), { message: 'tiers must be in increasing port order' });

export const PriceBookSchema = z.strictObject({
  formatVersion: z.literal(PRICE_BOOK_FORMAT_VERSION).default(PRICE_BOOK_FORMAT_VERSION),
  name: z.string().min(1).max(200).default('Custom price book'),
  currency: z.literal('USD').default('USD'),
  termYears: z.number().int().min(1).max(20).default(3),
  devices: z.strictObject({
    /** Used for any role without its own tiers. */
    default: DeviceTiers,
    byRole: z.partialRecord(DeviceRoleSchema, DeviceTiers).default({}),
    /** Price per port above the largest tier (modular chassis line cards). */
    extraPortUsd: Usd,
  }),
  links: z.strictObject({
    /** Cabling for a link inside one site (both ends at the same site). */
    intraSiteUsd: Usd,
    tiers: z
      .array(LinkTierSchema)
      .min(1)
      .max(50)
      .refine(ascending((t: LinkTier) => t.capacityGbps), { message: 'tiers must be in increasing capacity order' }),
  }),
  optics: z.strictObject({
    /** Longer links need long-reach (coherent) optics. */
    shortReachMaxKm: z.number().nonnegative(),
    tiers: z
      .array(OpticTierSchema)
      .min(1)
      .max(50)
      .refine(ascending((t: OpticTier) => t.capacityGbps), { message: 'tiers must be in increasing capacity order' }),
  }),
});
export type PriceBook = z.infer<typeof PriceBookSchema>;
export type PriceBookInput = z.input<typeof PriceBookSchema>;

/** The shipped defaults: 2026 list prices, rounded; edit per project. */
export const DEFAULT_PRICE_BOOK: PriceBook = {
  formatVersion: PRICE_BOOK_FORMAT_VERSION,
  name: 'NetTwin default price book',
  currency: 'USD',
  termYears: 3,
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
  },
  links: {
    intraSiteUsd: 150,
    tiers: [
      { capacityGbps: 1, installUsd: 1_500, perKmUsd: 15 },
      { capacityGbps: 10, installUsd: 3_000, perKmUsd: 40 },
      { capacityGbps: 25, installUsd: 4_000, perKmUsd: 60 },
      { capacityGbps: 40, installUsd: 5_000, perKmUsd: 75 },
      { capacityGbps: 100, installUsd: 8_000, perKmUsd: 120 },
      { capacityGbps: 400, installUsd: 20_000, perKmUsd: 300 },
    ],
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
  },
};

/** Parses a stored or edited price book; one line per problem, naming the field path. */
export function parsePriceBook(
  raw: unknown,
): { ok: true; book: PriceBook } | { ok: false; problems: string[] } {
  const r = PriceBookSchema.safeParse(raw);
  if (r.success) return { ok: true, book: r.data };
  return { ok: false, problems: r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}

/** The tiers that price a device of this role. */
export function deviceTiers(book: PriceBook, role: DeviceRole): readonly DeviceTier[] {
  return book.devices.byRole[role] ?? book.devices.default;
}
