/*
 * The maps of World of Warcraft 3.3.5a (build 12340) and how much load each is expected to carry.
 * The ids are the rows of the client's Map.dbc as AzerothCore ships it: continents, instances,
 * battlegrounds, arenas and transports. The weights follow ToCloud9's defaults: the two old
 * continents 100, Outland 50, Northrend 120, Ulduar and
 * Ebon Hold 2, every other map 1.
 */

/** Every map id of the 3.3.5a Map.dbc, ascending. */
export const MAP_IDS_335A: readonly number[] = [
  0, 1, 13, 25, 29, 30, 33, 34, 35, 36, 37, 42, 43, 44, 47, 48, 70, 90, 109, 129, 169, 189, 209, 229, 230, 249, 269, 289,
  309, 329, 349, 369, 389, 409, 429, 449, 450, 451, 469, 489, 509, 529, 530, 531, 532, 533, 534, 540, 542, 543, 544, 545,
  546, 547, 548, 550, 552, 553, 554, 555, 556, 557, 558, 559, 560, 562, 564, 565, 566, 568, 571, 572, 573, 574, 575, 576,
  578, 580, 582, 584, 585, 586, 587, 588, 589, 590, 591, 592, 593, 594, 595, 596, 597, 598, 599, 600, 601, 602, 603, 604,
  605, 606, 607, 608, 609, 610, 612, 613, 614, 615, 616, 617, 618, 619, 620, 621, 622, 623, 624, 628, 631, 632, 641, 642,
  647, 649, 650, 658, 668, 672, 673, 712, 713, 718, 723, 724,
];

/** The maps whose weight is not 1. */
const HEAVY_MAPS: ReadonlyMap<number, number> = new Map([
  [0, 100], // Eastern Kingdoms
  [1, 100], // Kalimdor
  [530, 50], // Outland
  [571, 120], // Northrend
  [603, 2], // Ulduar
  [609, 2], // Ebon Hold (Acherus)
]);

/** The relative load of a map; any map not listed as heavy weighs 1. */
export function mapWeight(mapId: number): number {
  return HEAVY_MAPS.get(mapId) ?? 1;
}
