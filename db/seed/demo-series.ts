// Sample session series: a weekly timetable for every sample venue, the multi-week parenting
// courses from the local plans, and a handful of one-off events. Each venue's timetable is written
// out below as [session, weekday, start time, changes]; the sessions themselves are described once
// in TEMPLATES so that the wording stays consistent from hub to hub, as on a real council site.
import { DEMO_VENUES } from "./demo-venues";
import type { DemoSeries, DemoVenue } from "./types";

// ISO weekdays, as DemoSeries.weekdays uses them.
const MON = 1;
const TUE = 2;
const WED = 3;
const THU = 4;
const FRI = 5;
const SAT = 6;
type Weekday = typeof MON | typeof TUE | typeof WED | typeof THU | typeof FRI | typeof SAT;

/** Everything about a series that does not depend on where and when it runs. */
type Details = Omit<DemoSeries, "venue" | "weekdays" | "startTime" | "endTime">;
type Template = Details & { minutes: number };

/** What a template may say about the venue it runs at. */
type Ctx = {
  /** The team running it, e.g. "Erdington Family Hub" (for outreach venues, the hub team). */
  team: string;
  town: string;
  online: boolean;
};

/** Outreach venues are staffed by a nearby hub's team. */
const OUTREACH_TEAMS: Record<string, string> = {
  "falcon-lodge-community-centre": "Sutton Coldfield Family Hub",
  "lozells-community-centre": "Perry Barr Family Hub",
  "winson-green-church-hall": "Ladywood Family Hub",
  "meadowbank-childrens-centre": "Northfield Family Hub",
  "washwood-heath-mosque-community-hall": "Alum Rock Family Hub",
  "stechford-community-library": "Yardley Family Hub",
  "springfield-community-centre": "Sparkhill Family Hub",
  "radford-community-library": "Foleshill Family Hub",
  "asfordby-village-hall": "Melton Mowbray Family Hub",
  "broughton-astley-village-hall": "Lutterworth Family Hub",
};

const LANGUAGE_NAMES: Record<string, string> = {
  en: "English",
  ur: "Urdu",
  pa: "Punjabi",
  bn: "Bengali",
  ro: "Romanian",
  pl: "Polish",
  ar: "Arabic",
  gu: "Gujarati",
};

/** Defaults shared by every template; each template says what is different. */
function tpl(
  t: Pick<Template, "type" | "title" | "description" | "minutes" | "capacity" | "ageMinMonths" | "ageMaxMonths"> & Partial<Template>,
): Template {
  return {
    termTimeOnly: true,
    bookingMode: "per-session",
    placeUnit: "child",
    forPregnancy: false,
    languages: ["en"],
    sendFriendly: false,
    costPence: 0,
    ...t,
  };
}

/** A parenting course: booked as a whole, places for adults, no term-time gaps. */
function course(t: Pick<Template, "title" | "description" | "minutes" | "weeks"> & Partial<Template>): Template {
  return tpl({
    type: "parenting-course",
    capacity: 10,
    ageMinMonths: null,
    ageMaxMonths: null,
    bookingMode: "course",
    placeUnit: "adult",
    termTimeOnly: false,
    ...t,
  });
}

const BRING_BABY = "A blanket or changing mat for your baby, and anything you need for feeding and changing.";
const BRING_PLAY = "Nothing special. A spare set of clothes is handy if your child loves messy play.";
const BRING_COURSE = "Just yourself. A notebook if you like to write things down; course handouts are provided.";
const BRING_LETTERS = "Any letters, bills, tenancy papers or benefit statements you want to ask about.";
const BRING_RED_BOOK = "Your baby's red book (personal child health record) or the eRedbook app, and a spare nappy.";

const TEMPLATES = {
  // ---- Baby & Me ----------------------------------------------------------------------------
  babyAndMe: (c: Ctx) =>
    tpl({
      type: "baby-and-me",
      title: "Baby & Me",
      description:
        "A relaxed weekly group for parents and carers with babies from birth to 12 months. Songs, rhymes, play on the floor and sensory play. There is tea and coffee, and time to talk with other parents. Staff are on hand for questions about feeding, sleep, crying and development.",
      whatToBring: BRING_BABY,
      facilitator: `Early years practitioner, ${c.team}`,
      minutes: 90,
      capacity: 12,
      ageMinMonths: 0,
      ageMaxMonths: 11,
    }),
  womenBabyGroup: (c: Ctx) =>
    tpl({
      type: "baby-and-me",
      title: "Mums and Babies (women only)",
      description:
        "A women-only group for mums and female carers with babies under one, in a private room with women staff. Rhymes, baby massage strokes, play and a chance to talk about feeding, sleep and how you are feeling, in a space where you can relax.",
      whatToBring: BRING_BABY,
      facilitator: `Family support worker, ${c.team}`,
      minutes: 90,
      capacity: 12,
      ageMinMonths: 0,
      ageMaxMonths: 11,
    }),
  newbornGroup: (c: Ctx) =>
    tpl({
      type: "baby-and-me",
      title: "Newborn Group",
      description:
        "A gentle group for the early weeks, for parents and carers with babies under six months. Meet other new parents, share how it's going and get support with feeding, sleep, crying and recovering from the birth.",
      whatToBring: BRING_BABY,
      facilitator: `Early years practitioner, ${c.team}`,
      minutes: 90,
      capacity: 10,
      ageMinMonths: 0,
      ageMaxMonths: 5,
      termTimeOnly: false,
    }),
  babyMassage: (c: Ctx) =>
    tpl({
      type: "baby-and-me",
      title: "Baby Massage",
      description:
        "Learn gentle massage strokes that can help your baby relax, sleep and settle wind, and build your bond. For babies from about six weeks old until they start crawling. The practitioner shows each stroke on a doll and you follow with your baby, at your baby's pace.",
      whatToBring: "A towel, a spare nappy and a drink for you. Unscented plant oil is provided; tell us about any allergies.",
      facilitator: `Practitioner trained in infant massage, ${c.team}`,
      minutes: 60,
      capacity: 8,
      ageMinMonths: 1,
      ageMaxMonths: 9,
    }),

  // ---- Stay and play ------------------------------------------------------------------------
  stayAndPlay: (c: Ctx) =>
    tpl({
      type: "stay-and-play",
      title: "Stay and Play",
      description:
        "Drop in for play, stories and songs with your children aged from birth to five. Activities are set out for every age, with a baby area and a messy play table. Staff can chat about anything from toilet training to nursery places.",
      whatToBring: BRING_PLAY,
      facilitator: `Early years practitioners, ${c.team}`,
      minutes: 90,
      capacity: 25,
      bookingMode: "drop-in",
      ageMinMonths: 0,
      ageMaxMonths: 59,
    }),
  littleExplorers: (c: Ctx) =>
    tpl({
      type: "stay-and-play",
      title: "Little Explorers",
      description:
        "Busy play for toddlers who are on the move: treasure baskets, sand and water, den building, music and a story to finish. Each week has a theme, with an idea to try at home.",
      whatToBring: BRING_PLAY,
      facilitator: `Early years practitioner, ${c.team}`,
      minutes: 90,
      capacity: 12,
      ageMinMonths: 12,
      ageMaxMonths: 35,
    }),
  messyPlay: (c: Ctx) =>
    tpl({
      type: "stay-and-play",
      title: "Messy Play",
      description:
        "Paint, gloop, foam, play dough and sensory trays, and the mess stays here, not at home. Great for the senses, for talking and for little hands getting ready to hold a crayon.",
      whatToBring: "Old clothes or a spare set. Aprons are provided.",
      facilitator: `Early years practitioner, ${c.team}`,
      minutes: 60,
      capacity: 12,
      ageMinMonths: 12,
      ageMaxMonths: 59,
    }),
  readyForNursery: (c: Ctx) =>
    tpl({
      type: "stay-and-play",
      title: "Ready, Steady, Nursery",
      description:
        "A small group for two- and three-year-olds getting ready to start nursery or pre-school. Children practise snack time, tidying up, taking turns and saying goodbye, and parents find out about funded early education places and how to apply.",
      whatToBring: "A drink in a named cup for your child. A snack is provided.",
      facilitator: `Early years practitioner, ${c.team}`,
      minutes: 90,
      capacity: 10,
      ageMinMonths: 24,
      ageMaxMonths: 47,
    }),
  outdoorPlay: (c: Ctx) =>
    tpl({
      type: "stay-and-play",
      title: "Outdoor Play in the Garden",
      description:
        "Mud kitchen, bikes, bug hunts and puddle jumping in the hub garden, whatever the weather. Being outdoors is great for moving, building confidence and talking. If it is truly wild outside we move indoors.",
      whatToBring: "Wellies and a waterproof coat for your child; we have some spares.",
      facilitator: `Early years practitioner, ${c.team}`,
      minutes: 60,
      capacity: 15,
      ageMinMonths: 12,
      ageMaxMonths: 59,
      termTimeOnly: false,
    }),
  kinshipPlay: (c: Ctx) =>
    tpl({
      type: "stay-and-play",
      title: "Adoptive, Foster and Kinship Families Stay and Play",
      description:
        "A relaxed play session for adoptive parents, foster carers, special guardians and grandparents raising grandchildren. Play with your child while you meet other families in a similar situation, with a family support worker who understands early trauma and attachment.",
      whatToBring: BRING_PLAY,
      facilitator: `Family support worker, ${c.team}`,
      minutes: 90,
      capacity: 12,
      ageMinMonths: 0,
      ageMaxMonths: 59,
      sendFriendly: true,
    }),

  // ---- SEND ---------------------------------------------------------------------------------
  sendStayAndPlay: (c: Ctx) =>
    tpl({
      type: "send",
      title: "SEND Stay and Play",
      description:
        "A calm, small group for children aged from birth to five with special educational needs or disabilities, or where you have worries about how your child is developing. No diagnosis or referral needed. Sensory toys, music and messy play, and time with the hub's SEND practitioner to talk about next steps, nursery places and EHC needs assessments.",
      whatToBring: "Anything that helps your child feel settled, such as a favourite toy, snack or ear defenders.",
      facilitator: `SEND practitioner, ${c.team}`,
      minutes: 90,
      capacity: 8,
      ageMinMonths: 0,
      ageMaxMonths: 59,
      sendFriendly: true,
    }),
  sensoryPlay: (c: Ctx) =>
    tpl({
      type: "send",
      title: "Sensory Space",
      description:
        "Quiet sessions in the sensory room for children with additional needs and their brothers and sisters: lights, sounds, textures and space to move, with only a few families at a time. The SEND practitioner is there to chat and share ideas for calming and communicating at home.",
      whatToBring: "A drink and a snack your child likes.",
      facilitator: `SEND practitioner, ${c.team}`,
      minutes: 60,
      capacity: 6,
      ageMinMonths: 0,
      ageMaxMonths: 59,
      sendFriendly: true,
    }),
  sendInfoDropIn: (c: Ctx) =>
    tpl({
      type: "send",
      title: "SEND Information and Advice Drop-in",
      description:
        "Talk to the hub's SEND practitioner and an impartial SENDIASS adviser about your child's needs, from first worries to EHC plans, Disability Living Allowance, short breaks and choosing a school. For families of children and young people aged 0 to 25. Children are welcome to come with you.",
      whatToBring: "Any reports or letters about your child that you would like to talk through.",
      facilitator: `SEND practitioner, ${c.team}, with a SENDIASS adviser`,
      minutes: 120,
      capacity: 20,
      bookingMode: "drop-in",
      placeUnit: "adult",
      ageMinMonths: 0,
      ageMaxMonths: 300,
      sendFriendly: true,
      termTimeOnly: false,
    }),
  sendCoffee: (c: Ctx) =>
    tpl({
      type: "send",
      title: c.online ? "SEND Parents' Coffee Morning (online)" : "SEND Parents' Coffee Morning",
      description: c.online
        ? "Join other parents and carers of children with additional needs from across the county, from home. Share what has helped, ask questions and hear from a guest speaker each month, such as the SEND Birth to Five team or the Early Support team."
        : "Meet other parents and carers of children with additional needs over a hot drink. Share what has helped, ask questions and hear from a guest speaker, such as the SEND Birth to Five team or a local parent carer forum. Children are welcome; there are toys and a quiet corner.",
      facilitator: `SEND practitioner, ${c.team}`,
      minutes: 90,
      capacity: 20,
      bookingMode: "drop-in",
      placeUnit: "adult",
      ageMinMonths: 0,
      ageMaxMonths: 300,
      sendFriendly: true,
    }),

  // ---- Parenting courses (booked as a whole) ------------------------------------------------
  antenatalNurture: (c: Ctx) =>
    course({
      title: "Antenatal Nurture",
      description:
        "A six-week group for parents-to-be and birth partners from around 20 weeks of pregnancy. Explore how your baby's brain grows and how to bond before birth, what changes when a baby arrives, your relationship, and looking after your own wellbeing. Book once for the whole course.",
      whatToBring: BRING_COURSE,
      facilitator: `Parenting practitioner and community midwife, ${c.team}`,
      minutes: 120,
      weeks: 6,
      forPregnancy: true,
    }),
  sendNurture: (c: Ctx) =>
    course({
      title: "SEND Nurture",
      description:
        "An eight-week course for parents and carers of young children with additional needs, with or without a diagnosis. Understand your child's behaviour and feelings, look after yourself, manage stress, and build routines and boundaries that work for your family. Book once for the whole course.",
      whatToBring: BRING_COURSE,
      facilitator: `SEND practitioner and parenting practitioner, ${c.team}`,
      minutes: 120,
      weeks: 8,
      ageMinMonths: 0,
      ageMaxMonths: 59,
      sendFriendly: true,
    }),
  fiveToThrive: (c: Ctx) =>
    course({
      title: "Five to Thrive Baby",
      description:
        "Six sessions on the five building blocks of a healthy developing brain: respond, cuddle, relax, play and talk. For parents and carers of babies under one; bring your baby with you. Book once for the whole course.",
      whatToBring: "Your baby, and anything you need for feeding and changing.",
      facilitator: `Parenting practitioner, ${c.team}`,
      minutes: 90,
      weeks: 6,
      capacity: 8,
      ageMinMonths: 0,
      ageMaxMonths: 11,
    }),
  parentingPuzzle: (c: Ctx) =>
    course({
      title: "The Parenting Puzzle",
      description:
        "A ten-week course on nurturing relationships with your children: understanding feelings and behaviour, praise and boundaries, positive discipline without shouting, and taking care of yourself as a parent. For parents and carers of children of any age. Book once for the whole course.",
      whatToBring: BRING_COURSE,
      facilitator: `Parenting practitioners, ${c.team}`,
      minutes: 120,
      weeks: 10,
      capacity: 12,
    }),
  livingWithConfidence: (c: Ctx) =>
    course({
      title: "Living with Confidence",
      description:
        "A six-week course for parents and carers who want to feel more confident and in control. Build your self-esteem, manage stress and worry, be more assertive and set small goals for you and your family, in a small, friendly group. Book once for the whole course.",
      whatToBring: BRING_COURSE,
      facilitator: `Family support worker, ${c.team}`,
      minutes: 120,
      weeks: 6,
    }),
  togetherness: (c: Ctx) =>
    course({
      title: c.online ? "Togetherness (online)" : "Togetherness",
      description:
        "A six-week course for parents and co-parents about the relationship between you, whether you are together or apart: communicating well, handling disagreements, and how conflict between adults affects babies and children. Come on your own or with your partner. Book once for the whole course.",
      whatToBring: c.online ? "A quiet space if you can find one; cameras are optional." : BRING_COURSE,
      facilitator: `Relationship support practitioner, ${c.team}`,
      minutes: 120,
      weeks: 6,
      capacity: 12,
    }),
  talkingTeens: (c: Ctx) =>
    course({
      title: "Talking Teens",
      description:
        "A six-week evening course for parents and carers of 12 to 18-year-olds: staying connected, talking about difficult things, negotiating rules and handling conflict. Book once for the whole course.",
      whatToBring: BRING_COURSE,
      facilitator: `Parenting practitioner, ${c.team}`,
      minutes: 120,
      weeks: 6,
      ageMinMonths: 144,
      ageMaxMonths: 215,
    }),

  // ---- Antenatal ----------------------------------------------------------------------------
  bumpToBaby: (c: Ctx) =>
    tpl({
      type: "antenatal",
      title: c.online ? "Bump to Baby Online (lunchtime)" : "Bump to Baby",
      description:
        "A weekly antenatal group for parents-to-be from around 24 weeks of pregnancy. Each week covers a different topic: labour and birth, feeding your baby, safer sleep, the first days at home and looking after your mental health. Partners are very welcome. Come to as many weeks as you like." +
        (c.online ? " Held at lunchtime so you can join from work." : ""),
      whatToBring: "Your maternity notes or app, in case you have questions for the midwife.",
      facilitator: `Community midwife and family hub practitioner, ${c.team}`,
      minutes: c.online ? 60 : 120,
      capacity: 12,
      placeUnit: "adult",
      forPregnancy: true,
      ageMinMonths: null,
      ageMaxMonths: null,
      termTimeOnly: false,
    }),
  prepForParenthood: (c: Ctx) =>
    tpl({
      type: "antenatal",
      title: "Preparation for Parenthood (evening course)",
      description:
        "A four-week evening course for parents-to-be and birth partners, led by midwives: the stages of labour, pain relief and birth choices, caring for a newborn, feeding and safer sleep. Ideal if you work during the day. Book once for all four evenings.",
      whatToBring: "Your maternity notes or app.",
      facilitator: `Community midwives, ${c.team}`,
      minutes: 120,
      capacity: 12,
      bookingMode: "course",
      placeUnit: "adult",
      forPregnancy: true,
      ageMinMonths: null,
      ageMaxMonths: null,
      termTimeOnly: false,
      weeks: 4,
    }),
  stopSmoking: (c: Ctx) =>
    tpl({
      type: "antenatal",
      title: "Stop Smoking in Pregnancy Drop-in",
      description:
        "Free, friendly, no-judgement support to stop smoking while you are pregnant: carbon monoxide checks, nicotine replacement or vapes, and support for partners and family members who smoke too. Drop in any week; no appointment needed.",
      facilitator: `Stop Smoking in Pregnancy adviser at ${c.team}`,
      minutes: 120,
      capacity: 20,
      bookingMode: "drop-in",
      placeUnit: "adult",
      forPregnancy: true,
      ageMinMonths: null,
      ageMaxMonths: null,
      termTimeOnly: false,
    }),

  // ---- Infant feeding -----------------------------------------------------------------------
  breastfeedingGroup: (c: Ctx) =>
    tpl({
      type: "infant-feeding",
      title: c.online ? "Infant Feeding Support (online)" : "Breastfeeding Support Group",
      description:
        (c.online
          ? "Live online feeding support with the infant feeding team, from home. "
          : "Drop in for help and company from specialist infant feeding workers and trained peer supporters. ") +
        "Ask about latching and positioning, expressing, night feeds, combination feeding or going back to work. Pregnant and want to find out more? You are welcome too, and so are parents who bottle feed.",
      facilitator: `Infant feeding team and peer supporters, ${c.team}`,
      minutes: c.online ? 60 : 90,
      capacity: 20,
      bookingMode: "drop-in",
      forPregnancy: true,
      ageMinMonths: 0,
      ageMaxMonths: 23,
      termTimeOnly: false,
    }),
  startingSolids: (c: Ctx) =>
    tpl({
      type: "infant-feeding",
      title: "Starting Solids Workshop",
      description:
        "Getting ready to introduce your baby to solid food at around six months: signs your baby is ready, first foods and textures, gagging and choking, and simple, cheap family recipes. Babies are welcome to come along.",
      whatToBring: "Your baby if you like; a bib if they will be tasting.",
      facilitator: `Infant feeding team, ${c.team}`,
      minutes: 90,
      capacity: 10,
      ageMinMonths: 4,
      ageMaxMonths: 11,
      termTimeOnly: false,
    }),

  // ---- Dads and partners --------------------------------------------------------------------
  dadsSaturday: (c: Ctx) =>
    tpl({
      type: "dads-and-partners",
      title: "Dads' Saturday Play",
      description:
        "Saturday morning play for dads, stepdads, grandads, uncles and male carers with children from birth to five. Bikes, building, messy play and a story, with breakfast and a hot drink, and the chance to meet other dads.",
      whatToBring: BRING_PLAY,
      facilitator: `Dads' worker, ${c.team}`,
      minutes: 90,
      capacity: 14,
      ageMinMonths: 0,
      ageMaxMonths: 59,
      termTimeOnly: false,
    }),
  dadsEvening: (c: Ctx) =>
    tpl({
      type: "dads-and-partners",
      title: "Dads' After-Work Play",
      description:
        "An early-evening play session for working dads and partners with children from birth to five. Drop the work bag, pick up the play dough: play, tea and toast, and other dads to talk to.",
      whatToBring: BRING_PLAY,
      facilitator: `Dads' worker, ${c.team}`,
      minutes: 90,
      capacity: 12,
      ageMinMonths: 0,
      ageMaxMonths: 59,
    }),
  dadsToBe: (c: Ctx) =>
    tpl({
      type: "dads-and-partners",
      title: "Dads-to-Be Evening",
      description:
        "For expectant dads and partners: what to expect at the birth, how to support your partner, safer sleep, feeding and your own wellbeing, with tea and coffee and other dads-to-be. Relaxed and practical, with plenty of time for questions.",
      facilitator: `Dads' worker and midwife, ${c.team}`,
      minutes: 90,
      capacity: 12,
      placeUnit: "adult",
      forPregnancy: true,
      ageMinMonths: null,
      ageMaxMonths: null,
      termTimeOnly: false,
    }),

  // ---- Speech, language and communication ---------------------------------------------------
  talkingTogether: (c: Ctx) =>
    tpl({
      type: "speech-and-language",
      title: "Talking Together",
      description:
        "A small group for toddlers whose talking needs a boost. Games, songs and stories that help children listen, understand and use more words, with easy ideas to carry on at home. Good for children learning more than one language too.",
      whatToBring: "Nothing needed.",
      facilitator: `Speech and language therapy assistant, ${c.team}`,
      minutes: 60,
      capacity: 8,
      ageMinMonths: 18,
      ageMaxMonths: 47,
      sendFriendly: true,
    }),
  chatterbox: (c: Ctx) =>
    tpl({
      type: "speech-and-language",
      title: "Chatterbox",
      description:
        "Fun listening and talking games, puppets and stories for two- to five-year-olds, to build vocabulary and confidence before nursery and school.",
      facilitator: `Early years practitioner, ${c.team}`,
      minutes: 60,
      capacity: 10,
      ageMinMonths: 24,
      ageMaxMonths: 59,
    }),
  speechDropIn: (c: Ctx) =>
    tpl({
      type: "speech-and-language",
      title: "Speech and Language Drop-in",
      description:
        "Worried about your child's talking, listening or understanding? Drop in for a chat with a speech and language therapy assistant. We can check how your child is getting on with the WellComm toolkit and show you simple things to try at home.",
      facilitator: `Speech and language therapy assistant, ${c.team}`,
      minutes: 90,
      capacity: 20,
      bookingMode: "drop-in",
      ageMinMonths: 12,
      ageMaxMonths: 59,
      sendFriendly: true,
      termTimeOnly: false,
    }),
  bilingualRhymes: (c: Ctx) =>
    tpl({
      type: "speech-and-language",
      title: "Bilingual Rhyme Time",
      description:
        "Songs, rhymes and stories in English and a home language. Using your home language with your child helps them learn English too, so come and share the songs you grew up with.",
      facilitator: `Bilingual early years worker, ${c.team}`,
      minutes: 45,
      capacity: 15,
      ageMinMonths: 0,
      ageMaxMonths: 47,
    }),

  // ---- Home learning ------------------------------------------------------------------------
  chatPlayRead: (c: Ctx) =>
    tpl({
      type: "home-learning",
      title: "Chat Play Read",
      description:
        "Stories, songs and play ideas that help children's talking and early reading, with a book bag to take home each week. Small things done every day, like chatting at bath time or sharing a book at bedtime, make a big difference.",
      facilitator: `Early years practitioner, ${c.team}`,
      minutes: 60,
      capacity: 15,
      ageMinMonths: 0,
      ageMaxMonths: 59,
    }),
  rhymeTime: (c: Ctx) =>
    tpl({
      type: "home-learning",
      title: "Rhyme Time",
      description:
        "Half an hour of songs, bounces and nursery rhymes for babies and toddlers, then time to choose books to borrow. Free library membership for every child.",
      facilitator: `Library staff with ${c.team}`,
      minutes: 30,
      capacity: 25,
      bookingMode: "drop-in",
      ageMinMonths: 0,
      ageMaxMonths: 35,
    }),
  peepBabies: (c: Ctx) =>
    tpl({
      type: "home-learning",
      title: "PEEP Learning Together: Babies",
      description:
        "PEEP sessions for parents and babies: songs, rhymes, books and play, with simple ideas for everyday learning at home. Notice what your baby is learning and share it with other parents.",
      whatToBring: BRING_BABY,
      facilitator: `PEEP-trained practitioner, ${c.team}`,
      minutes: 75,
      capacity: 10,
      ageMinMonths: 0,
      ageMaxMonths: 11,
    }),
  peepToddlers: (c: Ctx) =>
    tpl({
      type: "home-learning",
      title: "PEEP Learning Together: Toddlers",
      description:
        "PEEP sessions for parents and toddlers: play, songs, stories and everyday learning, from counting stairs to talking about the shopping. Each week there is an idea and a small resource to take home.",
      facilitator: `PEEP-trained practitioner, ${c.team}`,
      minutes: 75,
      capacity: 10,
      ageMinMonths: 12,
      ageMaxMonths: 35,
    }),
  makingItReal: (c: Ctx) =>
    tpl({
      type: "home-learning",
      title: "Making it REAL",
      description:
        "Activities that build early reading and writing: sharing books, spotting letters and signs when you are out, early mark-making, and songs and rhymes. Based on the REAL (Raising Early Achievement in Literacy) approach, for children aged two to five and their parents.",
      facilitator: `Early years teacher, ${c.team}`,
      minutes: 90,
      capacity: 10,
      ageMinMonths: 24,
      ageMaxMonths: 59,
    }),
  stayTogetherPlayTogether: (c: Ctx) =>
    tpl({
      type: "home-learning",
      title: "Stay Together, Play Together",
      description:
        "Play sessions that show how everyday moments like bath time, cooking and walking to the shops can become learning. Each week you take home a simple activity to try, using things you already have.",
      facilitator: `Early years practitioner, ${c.team}`,
      minutes: 90,
      capacity: 12,
      ageMinMonths: 0,
      ageMaxMonths: 59,
    }),
  fiftyThings: (c: Ctx) =>
    tpl({
      type: "home-learning",
      title: "50 Things to Do Before You're Five",
      description:
        "Try one of the 50 Things together each week, from making a den to going on a listening walk or baking bread. Free, fun ideas for home and days out, and a sticker card for your child to fill.",
      facilitator: `Early years practitioner, ${c.team}`,
      minutes: 90,
      capacity: 15,
      ageMinMonths: 0,
      ageMaxMonths: 59,
      termTimeOnly: false,
    }),

  // ---- Health visitor drop-in ---------------------------------------------------------------
  babyWeighing: (c: Ctx) =>
    tpl({
      type: "health-visitor-drop-in",
      title: "Baby Weighing and Health Visitor Drop-in",
      description:
        "Get your baby weighed and talk to a health visitor or nursery nurse about feeding, sleep, teething, immunisations, your child's development or how you are feeling. No appointment needed; you may have a short wait at busy times.",
      whatToBring: BRING_RED_BOOK,
      facilitator: `Health visiting team at ${c.team}`,
      minutes: 120,
      capacity: 30,
      bookingMode: "drop-in",
      ageMinMonths: 0,
      ageMaxMonths: 23,
      termTimeOnly: false,
    }),
  childHealthClinic: (c: Ctx) =>
    tpl({
      type: "health-visitor-drop-in",
      title: "Toddler Health Drop-in",
      description:
        "For parents of toddlers and pre-schoolers: questions about eating, sleep, behaviour, toilet training, teeth or your child's two-year review. A health visitor and a nursery nurse are on hand; no appointment needed.",
      whatToBring: "Your child's red book if you have it.",
      facilitator: `Health visiting team at ${c.team}`,
      minutes: 120,
      capacity: 25,
      bookingMode: "drop-in",
      ageMinMonths: 12,
      ageMaxMonths: 59,
      termTimeOnly: false,
    }),

  // ---- Money, housing, work and wellbeing ---------------------------------------------------
  moneyAdvice: (c: Ctx) =>
    tpl({
      type: "money-and-housing",
      title: c.online ? "Money Advice Online with Citizens Advice" : "Money and Housing Advice with Citizens Advice",
      description:
        "Free, confidential advice on benefits and Universal Credit, debt, energy bills, housing problems and your rights at work. " +
        (c.online
          ? "Book a slot and an adviser will call you by video or phone."
          : "Just drop in; bring any letters you have. Children are welcome."),
      whatToBring: BRING_LETTERS,
      facilitator: `Citizens Advice adviser at ${c.team}`,
      minutes: 120,
      capacity: c.online ? 8 : 20,
      bookingMode: c.online ? "per-session" : "drop-in",
      placeUnit: "adult",
      ageMinMonths: null,
      ageMaxMonths: null,
      termTimeOnly: false,
    }),
  workAndSkills: (c: Ctx) =>
    tpl({
      type: "money-and-housing",
      title: "Work, Skills and English Classes Drop-in",
      description:
        "Thinking about work, training or English classes (ESOL)? Talk to a work coach and an adult learning adviser about courses, help with childcare costs, and how working affects your benefits. Children are welcome.",
      facilitator: `Work coach and adult learning adviser at ${c.team}`,
      minutes: 120,
      capacity: 20,
      bookingMode: "drop-in",
      placeUnit: "adult",
      ageMinMonths: null,
      ageMaxMonths: null,
      termTimeOnly: false,
    }),
  housingDropIn: (c: Ctx) =>
    tpl({
      type: "money-and-housing",
      title: "Housing and Temporary Accommodation Drop-in",
      description:
        "For families in temporary accommodation, or worried about losing their home: help with housing applications and bidding, moving on, repairs, and getting to school, nursery and health appointments from where you are staying now.",
      whatToBring: BRING_LETTERS,
      facilitator: `Housing officer and family support worker at ${c.team}`,
      minutes: 120,
      capacity: 20,
      bookingMode: "drop-in",
      placeUnit: "adult",
      ageMinMonths: null,
      ageMaxMonths: null,
      termTimeOnly: false,
    }),
  newArrivals: (c: Ctx) =>
    tpl({
      type: "money-and-housing",
      title: `Welcome to ${c.town}: New Arrivals Drop-in`,
      description:
        "For families new to the country or to the city: registering with a GP, dentist and health visitor, nursery and school places, benefits and housing, English classes and local groups for your children. Interpreters are at every session.",
      whatToBring: "Any letters or documents you have questions about.",
      facilitator: `Family support workers at ${c.team}`,
      minutes: 120,
      capacity: 25,
      bookingMode: "drop-in",
      placeUnit: "adult",
      ageMinMonths: null,
      ageMaxMonths: null,
      termTimeOnly: false,
    }),
  digitalHelp: (c: Ctx) =>
    tpl({
      type: "money-and-housing",
      title: "Get Online: Digital Help for Families",
      description:
        "No data, no laptop or not sure where to start? Get help using the NHS App, your Universal Credit journal, school and nursery applications and this booking site. Free data SIM cards and device loans for eligible families.",
      whatToBring: "Your phone if you have one, and any passwords or letters you need.",
      facilitator: `Digital inclusion volunteer at ${c.team}`,
      minutes: 120,
      capacity: 20,
      bookingMode: "drop-in",
      placeUnit: "adult",
      ageMinMonths: null,
      ageMaxMonths: null,
      termTimeOnly: false,
    }),
};

type TemplateKey = keyof typeof TEMPLATES;
type Changes = Partial<Details> & {
  minutes?: number;
  /** A sentence added to the template's description for this venue. */
  addToDescription?: string;
};
type Entry = [session: TemplateKey, weekday: Weekday, start: string, changes?: Changes];

const VENUES_BY_SLUG = new Map<string, DemoVenue>(DEMO_VENUES.map((v) => [v.slug, v]));

function contextFor(slug: string): Ctx {
  const venue = VENUES_BY_SLUG.get(slug);
  if (!venue) throw new Error(`Sample series: unknown venue ${slug}`);
  const team = venue.kind === "outreach" ? (OUTREACH_TEAMS[slug] ?? venue.name) : venue.name;
  return { team, town: venue.town, online: venue.kind === "online" };
}

function addMinutes(time: string, minutes: number): string {
  const [h, m] = time.split(":").map(Number);
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

/** "Staff at this session speak English and Urdu." when a session runs in more than English. */
function languageNote(languages: string[]): string {
  const others = languages.filter((l) => l !== "en");
  if (others.length === 0) return "";
  const names = languages.map((l) => LANGUAGE_NAMES[l] ?? l);
  const list = names.length === 2 ? names.join(" and ") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return ` This session runs in ${list}.`;
}

function build(venue: string, key: TemplateKey, weekdays: number[], start: string, changes: Changes = {}): DemoSeries {
  const { minutes: templateMinutes, ...template } = TEMPLATES[key](contextFor(venue));
  const { minutes = templateMinutes, addToDescription, ...rest } = changes;
  const details: Details = { ...template, ...rest };
  const extra = addToDescription ? ` ${addToDescription}` : "";
  return {
    venue,
    weekdays,
    startTime: start,
    endTime: addMinutes(start, minutes),
    ...details,
    description: details.description + extra + languageNote(details.languages),
  };
}

/** A venue's weekly timetable. */
function timetable(venue: string, entries: Entry[]): DemoSeries[] {
  return entries.map(([key, day, start, changes]) => build(venue, key, [day], start, changes));
}

/** A one-off event `startInDays` after seeding. */
function oneOff(venue: string, key: TemplateKey, start: string, startInDays: number, changes: Changes): DemoSeries {
  return build(venue, key, [], start, { termTimeOnly: false, ...changes, startInDays });
}

const FAMILY_SNACKS = { costPence: 100, costNotes: "£1 per family, includes snacks" };
const DADS_BREAKFAST = { costPence: 100, costNotes: "£1 per family, includes bacon or vegetarian rolls and a hot drink" };
const UR = { languages: ["en", "ur"] };
const PA = { languages: ["en", "pa"] };
const BN = { languages: ["en", "bn"] };
const RO = { languages: ["en", "ro"] };
const PL = { languages: ["en", "pl"] };
const AR = { languages: ["en", "ar"] };

// ---- Birmingham -----------------------------------------------------------------------------
const BIRMINGHAM: DemoSeries[] = [
  ...timetable("erdington-family-hub", [
    ["sendStayAndPlay", MON, "13:00"],
    ["moneyAdvice", MON, "09:30"],
    ["babyAndMe", TUE, "10:00"],
    ["stayAndPlay", WED, "13:30"],
    ["fiveToThrive", WED, "10:00", { startInDays: 7 }],
    ["babyWeighing", THU, "09:30"],
    ["parentingPuzzle", THU, "17:00", { startInDays: 10, addToDescription: "Evening sessions for working parents." }],
    ["talkingTogether", FRI, "10:00"],
    ["dadsSaturday", SAT, "10:00", DADS_BREAKFAST],
  ]),
  ...timetable("kingstanding-family-hub", [
    ["babyAndMe", MON, "10:00"],
    ["outdoorPlay", TUE, "10:00"],
    ["sendStayAndPlay", WED, "10:00"],
    ["moneyAdvice", WED, "13:00"],
    ["makingItReal", THU, "10:00"],
    ["stayAndPlay", THU, "13:00"],
    ["babyWeighing", FRI, "09:30"],
  ]),
  ...timetable("sutton-coldfield-family-hub", [
    ["sensoryPlay", MON, "13:30"],
    ["livingWithConfidence", TUE, "10:00", { startInDays: 14 }],
    ["babyWeighing", TUE, "13:00"],
    ["babyAndMe", WED, "10:00"],
    ["babyMassage", THU, "10:00", { costPence: 200, costNotes: "£2 per session, includes the massage oil" }],
    ["chatPlayRead", THU, "13:30"],
    ["kinshipPlay", FRI, "10:00"],
    ["dadsSaturday", SAT, "10:00"],
  ]),
  ...timetable("boldmere-family-hub", [
    ["babyAndMe", MON, "10:00"],
    ["peepBabies", TUE, "10:00"],
    ["babyWeighing", WED, "09:30"],
    ["newbornGroup", WED, "13:30"],
    ["littleExplorers", THU, "10:00"],
    ["sendStayAndPlay", FRI, "10:00"],
  ]),
  ...timetable("perry-barr-family-hub", [
    ["babyAndMe", MON, "10:00", RO],
    ["newArrivals", TUE, "10:00", { languages: ["en", "ro", "pl"] }],
    ["stayAndPlay", WED, "13:00", PL],
    ["antenatalNurture", WED, "10:00", { startInDays: 5 }],
    ["sendStayAndPlay", THU, "10:00"],
    ["bilingualRhymes", THU, "13:30", { ...RO, title: "Bilingual Rhyme Time: English and Romanian" }],
    ["babyWeighing", FRI, "09:30"],
    ["dadsSaturday", SAT, "10:00"],
  ]),
  ...timetable("handsworth-family-hub", [
    ["moneyAdvice", MON, "10:00", PA],
    ["stayAndPlay", MON, "13:00", UR],
    ["babyWeighing", TUE, "09:30"],
    ["dadsEvening", TUE, "17:30"],
    ["babyAndMe", WED, "10:00", PA],
    ["sensoryPlay", THU, "10:00"],
    ["chatPlayRead", THU, "13:30"],
    ["bumpToBaby", FRI, "10:00", UR],
  ]),
  ...timetable("ladywood-family-hub", [
    ["moneyAdvice", MON, "10:00", AR],
    ["babyAndMe", TUE, "10:00", AR],
    ["workAndSkills", WED, "10:00"],
    ["sendStayAndPlay", WED, "13:30"],
    ["parentingPuzzle", THU, "10:00", { startInDays: 21 }],
    ["stayAndPlay", THU, "13:00"],
    ["babyWeighing", FRI, "09:30"],
    ["dadsSaturday", SAT, "10:00"],
  ]),
  ...timetable("nechells-family-hub", [
    ["babyAndMe", MON, "10:00", BN],
    ["peepToddlers", TUE, "10:00"],
    ["sendStayAndPlay", TUE, "13:30"],
    ["outdoorPlay", WED, "10:00"],
    ["stopSmoking", WED, "13:00"],
    ["babyWeighing", THU, "09:30", { languages: ["en", "bn", "ur"] }],
    ["stayAndPlay", FRI, "13:00", UR],
  ]),
  ...timetable("harborne-family-hub", [
    ["housingDropIn", MON, "10:00"],
    ["babyWeighing", MON, "13:30"],
    ["prepForParenthood", TUE, "17:00", { startInDays: 9 }],
    ["babyMassage", WED, "10:00"],
    ["stayAndPlay", WED, "13:00"],
    ["babyAndMe", THU, "10:00"],
    ["sendStayAndPlay", FRI, "10:00"],
  ]),
  ...timetable("bartley-green-family-hub", [
    ["sendStayAndPlay", MON, "13:00"],
    ["babyAndMe", TUE, "10:00"],
    ["littleExplorers", WED, "10:00"],
    ["sendNurture", WED, "13:00", { startInDays: 12 }],
    ["babyWeighing", THU, "09:30"],
    ["outdoorPlay", THU, "13:00"],
    ["fiftyThings", FRI, "10:00"],
  ]),
  ...timetable("northfield-family-hub", [
    ["babyAndMe", MON, "10:00"],
    ["digitalHelp", MON, "13:00"],
    ["stayAndPlay", TUE, "13:00"],
    ["togetherness", TUE, "10:00", { startInDays: 17 }],
    ["babyWeighing", WED, "09:30"],
    ["dadsToBe", WED, "17:30"],
    ["sensoryPlay", THU, "13:30"],
    ["moneyAdvice", FRI, "10:00"],
    ["dadsSaturday", SAT, "10:00"],
  ]),
  ...timetable("kings-norton-family-hub", [
    ["stayAndPlay", MON, "13:00"],
    ["sendStayAndPlay", TUE, "10:00"],
    ["childHealthClinic", TUE, "13:00"],
    ["babyAndMe", WED, "10:00"],
    ["outdoorPlay", THU, "10:00"],
    ["chatterbox", THU, "13:00"],
    ["babyWeighing", FRI, "09:30"],
  ]),
  ...timetable("alum-rock-family-hub", [
    ["womenBabyGroup", MON, "10:00", UR],
    ["stayAndPlay", TUE, "13:00", BN],
    ["antenatalNurture", TUE, "10:00", { ...UR, startInDays: 28 }],
    ["sensoryPlay", WED, "10:00", UR],
    ["moneyAdvice", WED, "13:00", UR],
    ["babyWeighing", THU, "09:30", { languages: ["en", "ur", "pa"] }],
    ["talkingTogether", FRI, "10:00", UR],
    ["dadsSaturday", SAT, "10:00", UR],
  ]),
  ...timetable("shard-end-family-hub", [
    ["babyWeighing", MON, "09:30"],
    ["sendStayAndPlay", MON, "13:30"],
    ["babyAndMe", TUE, "10:00"],
    ["messyPlay", WED, "10:00", FAMILY_SNACKS],
    ["parentingPuzzle", WED, "13:00", { startInDays: 4 }],
    ["stayAndPlay", THU, "13:00"],
    ["moneyAdvice", FRI, "10:00"],
  ]),
  ...timetable("yardley-family-hub", [
    ["babyAndMe", MON, "10:00", UR],
    ["sendStayAndPlay", TUE, "10:00"],
    ["makingItReal", TUE, "13:30"],
    ["moneyAdvice", WED, "10:00", UR],
    ["dadsEvening", WED, "17:30"],
    ["fiveToThrive", THU, "10:00", { startInDays: 19 }],
    ["stayAndPlay", THU, "13:00"],
    ["babyWeighing", FRI, "09:30"],
  ]),
  ...timetable("acocks-green-family-hub", [
    ["littleExplorers", MON, "10:00"],
    ["babyWeighing", TUE, "13:00"],
    ["babyAndMe", WED, "10:00", PL],
    ["stayAndPlay", THU, "10:00", PL],
    ["peepBabies", FRI, "10:00"],
    ["chatPlayRead", FRI, "13:30"],
  ]),
  ...timetable("sparkhill-family-hub", [
    ["babyAndMe", MON, "10:00", UR],
    ["bilingualRhymes", MON, "13:30", { ...BN, title: "Bilingual Rhyme Time: English and Bengali" }],
    ["sendStayAndPlay", TUE, "10:00", UR],
    ["sendInfoDropIn", WED, "10:00", UR],
    ["breastfeedingGroup", WED, "13:00", AR],
    ["moneyAdvice", THU, "10:00", AR],
    ["sensoryPlay", THU, "13:30"],
    ["babyWeighing", FRI, "09:30", { languages: ["en", "ur", "bn"] }],
    ["dadsSaturday", SAT, "10:00"],
  ]),
  ...timetable("hall-green-family-hub", [
    ["sendStayAndPlay", MON, "10:00"],
    ["babyAndMe", TUE, "10:00"],
    ["outdoorPlay", WED, "10:00"],
    [
      "babyWeighing",
      WED,
      "13:30",
      {
        addToDescription: "The team can also talk you through safer sleep and give you a room thermometer.",
      },
    ],
    ["bumpToBaby", THU, "10:00", UR],
    ["sendNurture", THU, "17:00", { startInDays: 8 }],
    ["sendCoffee", FRI, "10:00"],
    ["stayAndPlay", FRI, "13:00", { sendFriendly: true }],
  ]),
  ...timetable("selly-oak-family-hub", [
    ["bumpToBaby", MON, "10:00"],
    ["stayAndPlay", MON, "13:00"],
    ["breastfeedingGroup", TUE, "10:00"],
    ["babyAndMe", WED, "10:00"],
    ["sendStayAndPlay", THU, "10:00"],
    ["startingSolids", THU, "13:30"],
    ["babyWeighing", FRI, "09:30"],
    ["dadsSaturday", SAT, "10:00"],
  ]),
  ...timetable("druids-heath-family-hub", [
    ["babyWeighing", MON, "13:00"],
    ["stayAndPlay", TUE, "10:00", { sendFriendly: true }],
    ["moneyAdvice", WED, "10:00"],
    ["sendStayAndPlay", WED, "13:00"],
    ["babyAndMe", THU, "10:00"],
    ["livingWithConfidence", FRI, "10:00", { startInDays: 31 }],
  ]),

  // Outreach
  ...timetable("falcon-lodge-community-centre", [
    ["stayAndPlay", MON, "10:00"],
    ["babyWeighing", WED, "10:00"],
    ["moneyAdvice", FRI, "10:00"],
  ]),
  ...timetable("lozells-community-centre", [
    ["stayAndPlay", TUE, "10:00", { ...RO, ...FAMILY_SNACKS }],
    [
      "moneyAdvice",
      THU,
      "10:00",
      {
        languages: ["en", "ro", "pl"],
        description:
          "Free, confidential advice on benefits and Universal Credit, debt, energy bills, housing problems and your rights at work, alongside the community food pantry. Just drop in; bring any letters you have. Children are welcome.",
      },
    ],
  ]),
  ...timetable("winson-green-church-hall", [
    ["babyAndMe", TUE, "10:00", AR],
    ["housingDropIn", THU, "10:00"],
  ]),
  ...timetable("meadowbank-childrens-centre", [
    ["babyAndMe", WED, "09:30"],
    [
      "readyForNursery",
      FRI,
      "13:00",
      {
        title: "Ready, Steady, School and Nursery",
        description:
          "A small group in the school's children's centre for two- to four-year-olds getting ready for nursery or Reception. Children practise routines like snack time, tidying up and taking turns, and parents meet the school's early years staff and find out about funded places.",
        ageMinMonths: 24,
        ageMaxMonths: 59,
      },
    ],
  ]),
  ...timetable("washwood-heath-mosque-community-hall", [
    ["womenBabyGroup", MON, "10:00", { languages: ["en", "ur", "bn"] }],
    ["babyWeighing", WED, "10:00", { languages: ["en", "ur", "bn"] }],
  ]),
  ...timetable("stechford-community-library", [
    ["rhymeTime", TUE, "10:30"],
    ["chatPlayRead", THU, "14:00"],
    ["fiftyThings", SAT, "10:30", { title: "50 Things Saturday Club", minutes: 60 }],
  ]),
  ...timetable("springfield-community-centre", [
    ["stayAndPlay", WED, "10:00", UR],
    ["talkingTogether", THU, "10:00", UR],
  ]),
];

// ---- Coventry -------------------------------------------------------------------------------
const COVENTRY: DemoSeries[] = [
  ...timetable("foleshill-family-hub", [
    ["babyAndMe", MON, "10:00", PA],
    ["bumpToBaby", TUE, "10:00", UR],
    ["sensoryPlay", TUE, "13:30"],
    ["antenatalNurture", WED, "10:00", { startInDays: 14 }],
    ["stayAndPlay", WED, "13:00", UR],
    ["babyWeighing", THU, "09:30", { languages: ["en", "pa", "ur"] }],
    ["peepToddlers", THU, "13:30"],
    ["moneyAdvice", FRI, "10:00", RO],
    ["dadsSaturday", SAT, "10:00"],
  ]),
  ...timetable("hillfields-family-hub", [
    ["newArrivals", MON, "10:00", { languages: ["en", "ar", "pl"] }],
    ["stopSmoking", MON, "13:30"],
    ["babyAndMe", TUE, "10:00", AR],
    ["sendStayAndPlay", WED, "10:00"],
    ["talkingTogether", WED, "13:30", AR],
    ["stayAndPlay", THU, "13:00", PL],
    ["babyWeighing", FRI, "09:30"],
  ]),
  ...timetable("wood-end-family-hub", [
    ["babyAndMe", MON, "10:00"],
    ["outdoorPlay", TUE, "10:00"],
    ["makingItReal", TUE, "13:30"],
    ["babyWeighing", WED, "09:30"],
    ["messyPlay", WED, "13:00", FAMILY_SNACKS],
    ["sendStayAndPlay", THU, "10:00"],
    ["dadsToBe", THU, "17:30"],
    [
      "moneyAdvice",
      FRI,
      "10:00",
      {
        description:
          "Free, confidential advice on benefits and Universal Credit, debt, energy bills, housing problems and your rights at work. The community larder is open at the same time. Just drop in; bring any letters you have.",
      },
    ],
  ]),
  ...timetable("willenhall-family-hub", [
    ["stayAndPlay", MON, "13:00"],
    ["sendStayAndPlay", TUE, "10:00"],
    ["parentingPuzzle", TUE, "13:00", { startInDays: 6 }],
    ["babyAndMe", WED, "10:00", RO],
    ["babyWeighing", THU, "09:30"],
    ["chatPlayRead", FRI, "10:00"],
    ["dadsSaturday", SAT, "10:00"],
  ]),
  ...timetable("canley-family-hub", [
    ["talkingTogether", MON, "10:00"],
    ["babyWeighing", MON, "13:30"],
    ["togetherness", TUE, "17:00", { startInDays: 11 }],
    ["sendStayAndPlay", WED, "10:00"],
    ["speechDropIn", WED, "13:30"],
    ["babyAndMe", THU, "10:00"],
    ["stayAndPlay", FRI, "13:00"],
  ]),
  ...timetable("radford-community-library", [
    ["chatPlayRead", MON, "10:30"],
    ["bilingualRhymes", WED, "10:30", { ...PA, title: "Bilingual Rhyme Time: English and Punjabi" }],
    ["fiftyThings", SAT, "10:30", { title: "50 Things Saturday Club", minutes: 60 }],
  ]),
];

// ---- Leicestershire -------------------------------------------------------------------------
const LEICESTERSHIRE: DemoSeries[] = [
  ...timetable("loughborough-family-hub", [
    ["babyAndMe", MON, "10:00"],
    ["babyWeighing", TUE, "09:30"],
    ["talkingTeens", TUE, "17:00", { startInDays: 15 }],
    ["bumpToBaby", WED, "10:00"],
    ["stayAndPlay", WED, "13:00"],
    ["sensoryPlay", THU, "10:00"],
    ["fiveToThrive", THU, "13:30", { startInDays: 24 }],
    ["breastfeedingGroup", FRI, "10:00"],
    ["dadsSaturday", SAT, "10:00"],
  ]),
  ...timetable("coalville-family-hub", [
    ["babyWeighing", MON, "09:30"],
    ["babyAndMe", TUE, "10:00"],
    ["peepBabies", WED, "10:00"],
    ["sendStayAndPlay", WED, "13:00"],
    ["outdoorPlay", THU, "10:00"],
    ["breastfeedingGroup", THU, "13:30"],
    ["moneyAdvice", FRI, "10:00"],
    ["dadsSaturday", SAT, "10:00", DADS_BREAKFAST],
  ]),
  ...timetable("hinckley-family-hub", [
    ["littleExplorers", MON, "10:00"],
    ["sensoryPlay", TUE, "13:30"],
    ["babyAndMe", WED, "10:00"],
    ["babyWeighing", THU, "09:30"],
    ["sendNurture", THU, "13:00", { startInDays: 26 }],
    ["readyForNursery", FRI, "10:00"],
    ["dadsSaturday", SAT, "10:00"],
  ]),
  ...timetable("melton-family-hub", [
    ["babyWeighing", MON, "10:00"],
    ["antenatalNurture", MON, "13:00", { startInDays: 20 }],
    ["babyAndMe", TUE, "10:00"],
    ["talkingTogether", TUE, "13:30"],
    ["sendStayAndPlay", WED, "10:00"],
    ["stayAndPlay", THU, "10:00"],
    ["startingSolids", FRI, "13:00"],
  ]),
  ...timetable("market-harborough-family-hub", [
    ["babyAndMe", MON, "10:00"],
    ["stayAndPlay", TUE, "13:00"],
    ["peepToddlers", WED, "10:00"],
    ["dadsEvening", WED, "17:30"],
    ["sendStayAndPlay", THU, "10:00"],
    ["babyMassage", THU, "13:30"],
    ["babyWeighing", FRI, "09:30"],
  ]),
  ...timetable("lutterworth-family-hub", [
    ["babyWeighing", MON, "09:30"],
    ["sendStayAndPlay", MON, "13:00"],
    ["babyAndMe", TUE, "10:00"],
    ["stayAndPlay", THU, "10:00"],
    ["chatPlayRead", THU, "13:00"],
  ]),
  ...timetable("braunstone-town-family-hub", [
    ["babyAndMe", MON, "10:00"],
    ["littleExplorers", TUE, "10:00"],
    ["moneyAdvice", WED, "10:00"],
    ["sendStayAndPlay", WED, "13:00"],
    ["babyWeighing", THU, "09:30"],
    ["readyForNursery", THU, "13:00"],
    ["outdoorPlay", FRI, "10:00"],
  ]),
  ...timetable("wigston-family-hub", [
    ["babyWeighing", MON, "09:30"],
    ["stayTogetherPlayTogether", MON, "13:30"],
    ["babyAndMe", TUE, "10:00", { languages: ["en", "gu"] }],
    ["livingWithConfidence", WED, "10:00", { startInDays: 33 }],
    ["stayAndPlay", WED, "13:00"],
    ["breastfeedingGroup", THU, "10:00"],
    ["sendStayAndPlay", FRI, "10:00"],
    ["dadsSaturday", SAT, "10:00"],
  ]),
  ...timetable("asfordby-village-hall", [
    ["stayAndPlay", TUE, "10:00", { minutes: 120 }],
    ["babyWeighing", THU, "10:00"],
  ]),
  ...timetable("broughton-astley-village-hall", [
    ["babyAndMe", WED, "10:00"],
    ["stayAndPlay", FRI, "10:00"],
  ]),
  ...timetable("leicestershire-virtual-family-hub", [
    ["breastfeedingGroup", MON, "10:00"],
    ["togetherness", TUE, "17:00", { startInDays: 13 }],
    ["bumpToBaby", WED, "12:30"],
    ["moneyAdvice", THU, "13:00"],
    ["sendCoffee", FRI, "10:00"],
  ]),
];

// ---- One-off events -------------------------------------------------------------------------
const ONE_OFF_EVENTS: DemoSeries[] = [
  oneOff("perry-barr-family-hub", "stayAndPlay", "10:00", 12, {
    title: "Family Fun Day",
    description:
      "A free morning of play, face painting, music and food from around the world for the whole family. Meet the hub team, find out about groups and advice, and get your baby weighed while you are here.",
    minutes: 180,
    capacity: 40,
    languages: ["en", "ro", "pl"],
    whatToBring: "Nothing needed. Food is free while it lasts.",
  }),
  oneOff("foleshill-family-hub", "babyAndMe", "10:00", 9, {
    title: "Birth Registration Pop-up",
    description:
      "Register your baby's birth at the hub instead of travelling into town. A registrar will be here all day. Book a 20-minute slot; you need to register within 42 days of the birth. Parents who are not married to each other should come together if both names are to go on the certificate.",
    whatToBring: "Your baby's NHS birth notification (the hospital or midwife gives you this) and proof of identity if you have it.",
    facilitator: "Registrar from the register office, with Foleshill Family Hub",
    minutes: 300,
    capacity: 12,
    placeUnit: "adult",
    ageMinMonths: 0,
    ageMaxMonths: 1,
  }),
  oneOff("northfield-family-hub", "moneyAdvice", "10:00", 18, {
    title: "Winter Warmth and Money Advice Day",
    description:
      "Help to get through the winter: check you are getting every benefit you are entitled to, get advice on energy bills, debt and the Warm Home Discount, pick up free baby sleeping bags and children's winter coats from the swap rail, and talk to Citizens Advice, the energy advice team and health visitors. Free soup and hot drinks.",
    facilitator: "Citizens Advice, energy advisers and the Northfield Family Hub team",
    minutes: 240,
    capacity: 40,
  }),
  oneOff("hall-green-family-hub", "sendStayAndPlay", "10:00", 25, {
    title: "Winter Sensory Stay and Play for SEND Families",
    description:
      "A calm, winter-themed sensory morning for children with special educational needs or disabilities and their brothers and sisters: lights, snow play, music and a quiet room. Places are limited so the room never gets too busy. Meet the SEND practitioner and other families.",
    minutes: 120,
    capacity: 10,
  }),
  oneOff("loughborough-family-hub", "moneyAdvice", "10:00", 30, {
    title: "Funded Childcare and Early Education Information Morning",
    description:
      "Find out about funded childcare for two-, three- and four-year-olds and working parents, Tax-Free Childcare, and how to find and apply for a nursery, pre-school or childminder place. Local providers will have stalls, and staff can help you apply on the spot.",
    facilitator: "Early years funding team with Loughborough Family Hub",
    whatToBring: "Your National Insurance number and your child's date of birth if you want help applying.",
    minutes: 150,
    capacity: 30,
  }),
  oneOff("stechford-community-library", "fiftyThings", "10:30", 6, {
    title: "50 Things Winter Trail Launch",
    description:
      "Pick up a 50 Things winter trail map, hunt for the hidden pictures around the library, and take home a free book and activity pack. A short rhyme time at 11:15.",
    bookingMode: "drop-in",
    minutes: 90,
    capacity: 30,
  }),
  oneOff("canley-family-hub", "speechDropIn", "17:00", 16, {
    title: "Talking Toddlers: Information Evening for Parents",
    description:
      "An evening talk from the speech and language therapy team for parents of toddlers: how talking develops, when to get help, dummies and screens, and raising children with more than one language. Time for questions at the end. Children are not expected to come.",
    bookingMode: "per-session",
    placeUnit: "adult",
    ageMinMonths: 12,
    ageMaxMonths: 47,
    minutes: 90,
    capacity: 25,
  }),
  oneOff("sutton-coldfield-family-hub", "dadsSaturday", "10:00", 33, {
    title: "Dads and Kids Winter Walk",
    description:
      "A buggy-friendly winter walk for dads, male carers and their children, finishing back at the hub with hot chocolate and toast. About an hour of walking on good paths at toddler pace.",
    whatToBring: "Warm clothes, wellies and a buggy or carrier for little ones.",
    minutes: 120,
    capacity: 15,
  }),
];

export const DEMO_SERIES: DemoSeries[] = [...BIRMINGHAM, ...COVENTRY, ...LEICESTERSHIRE, ...ONE_OFF_EVENTS];
