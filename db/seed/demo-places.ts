// Sample local authorities, their localities and 2026/27 term dates.
// Locality descriptions are drawn from the local Best Start in Life and family plans
// (Birmingham's ten early-help localities, Coventry's Family Hub areas, Leicestershire's districts).
import type { DemoLocalAuthority } from "./types";

type Term = DemoLocalAuthority["terms"][number];

/** School terms with half terms left out, as inclusive ranges. */
function terms(ranges: [start: string, end: string][]): Term[] {
  const names = ["Autumn term 1", "Autumn term 2", "Spring term 1", "Spring term 2", "Summer term 1", "Summer term 2"];
  return ranges.map(([startDate, endDate], i) => ({ name: names[i] ?? `Term ${i + 1}`, startDate, endDate }));
}

export const DEMO_LOCAL_AUTHORITIES: DemoLocalAuthority[] = [
  {
    slug: "birmingham",
    name: "Birmingham",
    gssCode: "E08000025",
    localities: [
      {
        slug: "sutton-coldfield",
        name: "Sutton Coldfield",
        description:
          "A well-resourced part of the city with lower deprivation overall, but with higher need on estates such as Falcon Lodge. Many adoptive families, a large volunteer base and active faith groups.",
        centreOutcode: "B73",
      },
      {
        slug: "perry-barr",
        name: "Perry Barr",
        description:
          "Home to many newly arrived communities, including Romanian, Polish, African, Afghan and Iraqi families, and a highly mobile population. Strong food networks and faith-based community spaces.",
        centreOutcode: "B42",
      },
      {
        slug: "ladywood",
        name: "Ladywood",
        description:
          "A young and very diverse locality that includes the city centre and many new arrivals. Unemployment and debt are key issues, and strong community links mean lots of local voluntary groups supporting families.",
        centreOutcode: "B16",
      },
      {
        slug: "edgbaston",
        name: "Edgbaston",
        description:
          "A locality of contrasts, with estates of higher need in the west around Bartley Green and Quinton, and many families in temporary accommodation along the Hagley Road. Well-developed partnerships and good links with local churches.",
        centreOutcode: "B17",
      },
      {
        slug: "northfield",
        name: "Northfield",
        description:
          "A long-standing area of high need since the closure of the Rover works at Longbridge, where digital poverty is common. The Northfield community partnership supports a large number of families.",
        centreOutcode: "B31",
      },
      {
        slug: "erdington",
        name: "Erdington",
        description:
          "Mid-ranking for deprivation, with regeneration in parts but family needs that stay high and are sometimes hidden. Established partnerships and a strong youth offer, from Erdington to Kingstanding and Castle Vale.",
        centreOutcode: "B23",
      },
      {
        slug: "hodge-hill",
        name: "Hodge Hill",
        description:
          "The most deprived locality in the city. Very diverse communities in the west around Alum Rock and Washwood Heath, and mostly white working-class estates in the east around Shard End, so sessions run close to home on both sides.",
        centreOutcode: "B8",
      },
      {
        slug: "yardley",
        name: "Yardley",
        description:
          "Mid-ranking for deprivation within Birmingham but high nationally, with diverse communities in Yardley, Acocks Green, Sheldon and Stechford. The hubs are building links with local grass-roots groups.",
        centreOutcode: "B25",
      },
      {
        slug: "hall-green",
        name: "Hall Green",
        description:
          "Higher need and very diverse communities in the north around Sparkhill and Springfield, and a wealthier south where need is more hidden. SEND support is a priority, with strong links to local Islamic organisations.",
        centreOutcode: "B28",
      },
      {
        slug: "selly-oak",
        name: "Selly Oak",
        description:
          "A mixed locality: Bournville is wealthier, while Druids Heath and Billesley have higher needs and some families are wary of asking for help. Good links between community groups, schools and local churches.",
        centreOutcode: "B29",
      },
    ],
    terms: terms([
      ["2026-09-02", "2026-10-23"],
      ["2026-11-02", "2026-12-18"],
      ["2027-01-04", "2027-02-12"],
      ["2027-02-22", "2027-03-26"],
      ["2027-04-12", "2027-05-28"],
      ["2027-06-07", "2027-07-21"],
    ]),
  },
  {
    slug: "coventry",
    name: "Coventry",
    gssCode: "E08000026",
    localities: [
      {
        slug: "coventry-north",
        name: "Coventry North",
        description:
          "Foleshill, Radford and Holbrooks: some of the city's most diverse neighbourhoods, with large South Asian communities and many families new to the country. Several areas are among the 20% most deprived in England.",
        centreOutcode: "CV6",
      },
      {
        slug: "coventry-east",
        name: "Coventry East",
        description:
          "Hillfields, Wood End and Bell Green, close to the city centre and out to the north-east estates. High levels of deprivation, with newly arrived families alongside long-established white working-class communities.",
        centreOutcode: "CV2",
      },
      {
        slug: "coventry-south",
        name: "Coventry South",
        description:
          "Willenhall, Stoke Aldermoor and Cheylesmore: established estates where need is high, next to quieter suburbs where families may not know what their hub offers.",
        centreOutcode: "CV3",
      },
      {
        slug: "coventry-west",
        name: "Coventry West",
        description:
          "Canley, Tile Hill and Allesley, on the west side of the city towards the university. Mostly suburban, with pockets of higher need on the Canley and Tile Hill estates.",
        centreOutcode: "CV4",
      },
    ],
    // Coventry's terms start a day later in September and finish a day later in July.
    terms: terms([
      ["2026-09-03", "2026-10-23"],
      ["2026-11-02", "2026-12-18"],
      ["2027-01-04", "2027-02-12"],
      ["2027-02-22", "2027-03-26"],
      ["2027-04-12", "2027-05-28"],
      ["2027-06-07", "2027-07-22"],
    ]),
  },
  {
    slug: "leicestershire",
    name: "Leicestershire",
    gssCode: "E10000018",
    localities: [
      {
        slug: "charnwood",
        name: "Charnwood",
        description:
          "The county's most populous district, centred on Loughborough and the Soar valley towns of Shepshed, Syston and Birstall, with rural villages in the Charnwood Forest and the Wolds. Home of the countywide virtual Family Hub.",
        centreOutcode: "LE11",
      },
      {
        slug: "hinckley-and-bosworth",
        name: "Hinckley and Bosworth",
        description:
          "Hinckley, Earl Shilton and Market Bosworth with the villages around them: town estates with higher need, and rural villages where buses to services are infrequent.",
        centreOutcode: "LE10",
      },
      {
        slug: "melton",
        name: "Melton",
        description:
          "A rural district around the market town of Melton Mowbray, with small villages spread across the Vale of Belvoir and the Wolds, where families can live many miles from a hub.",
        centreOutcode: "LE13",
      },
      {
        slug: "north-west-leicestershire",
        name: "North West Leicestershire",
        description:
          "Coalville, Ashby de la Zouch and the former coalfield villages. Some neighbourhoods around Coalville are among the county's more deprived, and rural families rely on infrequent buses.",
        centreOutcode: "LE67",
      },
      {
        slug: "harborough",
        name: "Harborough",
        description:
          "The county's largest and most rural district, from Market Harborough and Lutterworth to scattered villages. Broadly affluent, but with hidden need and rural isolation for young families.",
        centreOutcode: "LE16",
      },
      {
        slug: "blaby",
        name: "Blaby",
        description:
          "Suburban towns and villages on Leicester's south-western edge, including Braunstone Town, Enderby, Narborough and Blaby, with good links into the city and some areas of higher need.",
        centreOutcode: "LE19",
      },
      {
        slug: "oadby-and-wigston",
        name: "Oadby and Wigston",
        description:
          "A small, mostly urban district next to Leicester, with a diverse population including large South Asian communities in Oadby, and estates of higher need in Wigston and South Wigston.",
        centreOutcode: "LE18",
      },
    ],
    // Leicestershire's autumn term starts on the Thursday.
    terms: terms([
      ["2026-09-03", "2026-10-23"],
      ["2026-11-02", "2026-12-18"],
      ["2027-01-05", "2027-02-12"],
      ["2027-02-22", "2027-03-26"],
      ["2027-04-12", "2027-05-28"],
      ["2027-06-07", "2027-07-21"],
    ]),
  },
];
