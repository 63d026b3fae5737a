import { IntentSchema, type Intent } from '../../../src-shared/model/intent';

/**
 * Realistic intents written for the cost sanity tests, independent of the
 * generator's own site placement: real cities with their coordinates, mixed
 * roles, the bandwidth an architect would state.
 */
const site = (name: string, lat: number, lon: number, bandwidthMbps: number, users = 30) => ({ name, lat, lon, bandwidthMbps, users });

/** A UK retailer: London HQ, a Slough data centre, 24 stores on 100 Mbit/s SD-WAN. */
export const ukRetail: Intent = IntentSchema.parse({
  name: 'UK retail SD-WAN',
  redundancy: 'STANDARD',
  goal: 'cost',
  siteGroups: [
    { role: 'hq', region: 'uk', sites: [site('London HQ', 51.5155, -0.0922, 2000, 600)] },
    { role: 'datacenter', region: 'uk', sites: [site('Slough DC', 51.5105, -0.5950, 10000, 0)] },
    {
      role: 'branch',
      region: 'uk',
      sites: [
        site('Leeds', 53.7997, -1.5492, 100), site('Manchester', 53.4808, -2.2426, 100), site('Birmingham', 52.4862, -1.8904, 100),
        site('Bristol', 51.4545, -2.5879, 100), site('Glasgow', 55.8642, -4.2518, 100), site('Edinburgh', 55.9533, -3.1883, 100),
        site('Cardiff', 51.4816, -3.1791, 100), site('Newcastle', 54.9783, -1.6178, 100), site('Liverpool', 53.4084, -2.9916, 100),
        site('Nottingham', 52.9548, -1.1581, 100), site('Sheffield', 53.3811, -1.4701, 100), site('Southampton', 50.9097, -1.4044, 100),
        site('Norwich', 52.6309, 1.2974, 100), site('Exeter', 50.7184, -3.5339, 100), site('Plymouth', 50.3755, -4.1427, 100),
        site('York', 53.9600, -1.0873, 100), site('Aberdeen', 57.1497, -2.0943, 100), site('Belfast', 54.5973, -5.9301, 100),
        site('Cambridge', 52.2053, 0.1218, 100), site('Oxford', 51.7520, -1.2577, 100), site('Brighton', 50.8225, -0.1372, 100),
        site('Leicester', 52.6369, -1.1398, 100), site('Hull', 53.7676, -0.3274, 100), site('Swansea', 51.6214, -3.9436, 100),
      ],
    },
  ],
});

/** Twelve buildings of one organisation across Munich (HQ and eleven campus buildings, 1–12 km apart). */
export const munichCampus: Intent = IntentSchema.parse({
  name: 'Munich metro campus',
  redundancy: 'HIGH',
  goal: 'balanced',
  siteGroups: [
    { role: 'hq', region: 'de-south', sites: [site('Marienplatz HQ', 48.1374, 11.5755, 10000, 900)] },
    {
      role: 'campus',
      region: 'de-south',
      sites: [
        site('Garching', 48.2620, 11.6670, 5000, 400), site('Schwabing', 48.1650, 11.5850, 5000, 400), site('Maxvorstadt', 48.1500, 11.5700, 5000, 400),
        site('Haidhausen', 48.1300, 11.5950, 5000, 400), site('Sendling', 48.1180, 11.5400, 5000, 400), site('Neuhausen', 48.1560, 11.5300, 5000, 400),
        site('Bogenhausen', 48.1500, 11.6150, 5000, 400), site('Giesing', 48.1100, 11.5850, 5000, 400), site('Pasing', 48.1500, 11.4600, 5000, 400),
        site('Riem', 48.1330, 11.6900, 5000, 400), site('Freimann', 48.1950, 11.6050, 5000, 400),
      ],
    },
  ],
});

/** A European insurer: Zurich HQ, data centres in Frankfurt and Amsterdam, a Paris hub, branches across the continent. */
export const euInsurer: Intent = IntentSchema.parse({
  name: 'European insurer',
  redundancy: 'HIGH',
  goal: 'balanced',
  siteGroups: [
    { role: 'hq', region: 'eu', sites: [site('Zurich HQ', 47.3769, 8.5417, 5000, 1200)] },
    { role: 'datacenter', region: 'eu', sites: [site('Frankfurt DC', 50.1109, 8.6821, 40000, 0), site('Amsterdam DC', 52.3676, 4.9041, 40000, 0)] },
    { role: 'region-hub', region: 'eu', sites: [site('Paris hub', 48.8566, 2.3522, 10000, 200)] },
    {
      role: 'branch',
      region: 'eu',
      sites: [
        site('Lyon', 45.7640, 4.8357, 200), site('Milan', 45.4642, 9.19, 500), site('Vienna', 48.2082, 16.3738, 200),
        site('Prague', 50.0755, 14.4378, 200), site('Warsaw', 52.2297, 21.0122, 200), site('Brussels', 50.8503, 4.3517, 500),
        site('Madrid', 40.4168, -3.7038, 500), site('Lisbon', 38.7223, -9.1393, 200),
      ],
    },
  ],
});

export const REALISTIC_INTENTS: readonly Intent[] = [ukRetail, munichCampus, euInsurer];
