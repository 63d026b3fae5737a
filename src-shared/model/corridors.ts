/**
 * Named subsea corridors: real submarine cable systems a long-haul circuit
 * rides when it crosses an ocean, with the cable's published length.
 *
 * A corridor serves a site pair when one site lies within `servesKm` (great
 * circle) of one landing and the other within `servesKm` of the other
 * landing. The route is then: terrestrial backhaul to the landing (great
 * circle × the terrestrial or metro route factor) + the cable's length +
 * backhaul from the far landing. Among the corridors serving a pair the
 * shortest route is taken (operators sell the lowest-latency path).
 *
 * Lengths are the owners' or trade press figures (sources per row); where a
 * figure is the system's total including branches it says so, and it is
 * then an upper bound on the trunk path. The table is kept, not fetched:
 * the application works offline. A planner who knows the route a carrier
 * actually sells sets `routeFactor` on the link instead.
 */
export interface Landing {
  name: string;
  lat: number;
  lon: number;
}

export interface SubseaCorridor {
  id: string;
  name: string;
  cable: string;
  ends: readonly [Landing, Landing];
  /** Cable route length between the two landings, km. */
  cableKm: number;
  /** A site up to this far (great circle) from a landing is served by it. */
  servesKm: number;
  source: string;
}

export const SUBSEA_CORRIDORS: readonly SubseaCorridor[] = [
  {
    id: 'atlantic-halifax-brean',
    name: 'North Atlantic, Halifax – Brean (UK)',
    cable: 'Hibernia Express (EXA Express)',
    ends: [
      { name: 'Halifax, NS', lat: 44.65, lon: -63.57 },
      { name: 'Brean, UK', lat: 51.29, lon: -3.01 },
    ],
    cableKm: 4_600,
    servesKm: 2_500,
    source: 'Hibernia Networks / Lightwave, Aug 2015: 4,600 km Halifax–Cork–Brean; tested New York–London RTT 58.95 ms (The Broadcast Bridge, 2015)',
  },
  {
    id: 'atlantic-shirley-killala',
    name: 'North Atlantic, New York – Killala (IE)',
    cable: 'AEConnect-1 (Aqua Comms)',
    ends: [
      { name: 'Shirley, NY', lat: 40.8, lon: -72.87 },
      { name: 'Killala, IE', lat: 54.21, lon: -9.22 },
    ],
    cableKm: 5_522,
    servesKm: 2_500,
    source: 'Aqua Comms via TeleGeography CommsUpdate, 15 Jan 2016: "spans more than 5,522 km"',
  },
  {
    id: 'atlantic-newyork-bude',
    name: 'North Atlantic, New York – Bude (UK)',
    cable: 'Grace Hopper (Google)',
    ends: [
      { name: 'Bellport, NY', lat: 40.76, lon: -72.94 },
      { name: 'Bude, UK', lat: 50.83, lon: -4.55 },
    ],
    cableKm: 6_354,
    servesKm: 2_500,
    source: 'Google / JSA: main trunk New York–Bude 6,354 km (in service Sept 2022)',
  },
  {
    id: 'atlantic-virginia-bilbao',
    name: 'Mid Atlantic, Virginia Beach – Bilbao (ES)',
    cable: 'MAREA (Microsoft, Meta, Telxius)',
    ends: [
      { name: 'Virginia Beach, VA', lat: 36.85, lon: -75.98 },
      { name: 'Sopelana (Bilbao), ES', lat: 43.38, lon: -2.98 },
    ],
    cableKm: 6_600,
    servesKm: 2_500,
    source: 'Converge Digest, Jan 2018: MAREA spans 6,600 km Virginia Beach–Bilbao',
  },
  {
    id: 'south-atlantic-sines-fortaleza',
    name: 'South Atlantic, Sines (PT) – Fortaleza (BR)',
    cable: 'EllaLink',
    ends: [
      { name: 'Sines, PT', lat: 37.95, lon: -8.87 },
      { name: 'Fortaleza, BR', lat: -3.72, lon: -38.54 },
    ],
    cableKm: 6_200,
    servesKm: 3_000,
    source: 'EllaLink via TeleGeography CommsUpdate, 8 Jan 2021: 6,200 km Europe–Brazil',
  },
  {
    id: 'pacific-losangeles-chikura',
    name: 'Trans-Pacific, Los Angeles – Chikura (JP)',
    cable: 'Unity (Google, KDDI, SingTel, Bharti, Pacnet, Global Transit)',
    ends: [
      { name: 'Redondo Beach (Los Angeles), CA', lat: 33.85, lon: -118.39 },
      { name: 'Chikura, JP', lat: 34.95, lon: 139.95 },
    ],
    cableKm: 9_620,
    servesKm: 2_500,
    source: 'Unity consortium / TeleGeography Submarine Cable Map: 9,620 km Los Angeles–Chikura (in service 2010)',
  },
  {
    id: 'pacific-oregon-chikura',
    name: 'Trans-Pacific, Oregon – Chikura/Shima (JP)',
    cable: 'FASTER (Google, KDDI, China Mobile, China Telecom, SingTel, Global Transit)',
    ends: [
      { name: 'Bandon, OR', lat: 43.12, lon: -124.41 },
      { name: 'Chikura, JP', lat: 34.95, lon: 139.95 },
    ],
    cableKm: 9_000,
    servesKm: 2_500,
    source: 'Google, June 2016: FASTER trans-Pacific trunk 9,000 km',
  },
  {
    id: 'asia-europe-singapore-marseille',
    name: 'Asia – Europe via Suez, Singapore – Marseille',
    cable: 'PEACE (Pakistan & East Africa Connecting Europe)',
    ends: [
      { name: 'Singapore', lat: 1.3, lon: 103.64 },
      { name: 'Marseille, FR', lat: 43.3, lon: 5.37 },
    ],
    cableKm: 15_000,
    servesKm: 2_500,
    source: 'China Mobile International, Aug 2022 (alloforfait.fr): 15,000 km Singapore–Marseille via the Maldives, Egypt, Tunisia, Malta; Singapore–Frankfurt RTT ≈ 160 ms (TechDirectory, 2026)',
  },
  {
    id: 'indian-perth-singapore',
    name: 'Indian Ocean, Perth – Singapore',
    cable: 'Australia–Singapore Cable (Vocus)',
    ends: [
      { name: 'Perth, AU', lat: -31.95, lon: 115.86 },
      { name: 'Singapore', lat: 1.3, lon: 103.64 },
    ],
    cableKm: 4_600,
    servesKm: 4_000,
    source: 'Vocus: Australia Singapore Cable 4,600 km Perth–Singapore (in service 2018)',
  },
];
