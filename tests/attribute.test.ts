// Attribution sieves, one row per pattern: the type, the sieve, the speaker's canonical name, the cue and the content of each quote record.
import { describe, expect, test } from 'vitest';
import { isWireDateline } from '../pipeline/stages/attribute/quotation-sieves.ts';
import { createContext, outerHolding } from '../pipeline/stages/attribute/context.ts';
import { annotated, lexicon, records, slice, spanOf } from './helpers.ts';

/** Each record as `[type, sieve, speaker's canonical name, cue text, content text]`. */
const rows = (text: string) => records(text).map((r) => [r.type, r.sieve, r.speaker?.name ?? null, r.cue?.text ?? null, r.text] as const);

type Row = readonly [string, string | null, string | null, string | null, string];

const PESKOV = 'Kremlin Spokesman Dmitry Peskov spoke to reporters on Monday.';

/** `[behaviour, text, the records we expect]` */
const SIEVES: readonly [string, string, readonly Row[]][] = [
  ['"…," Peskov said', `${PESKOV} "The talks are over," Peskov said.`, [['direct', 'quote-then-speaker-cue', 'Dmitry Peskov', 'said', 'The talks are over,']]],
  ['"…," said Peskov', `${PESKOV} "The talks are over," said Peskov.`, [['direct', 'quote-then-speaker-cue', 'Dmitry Peskov', 'said', 'The talks are over,']]],
  ['"…," the Kremlin spokesman said (a nominal speaker)', `${PESKOV} "The talks are over," the Kremlin spokesman said.`, [['direct', 'quote-then-speaker-cue', 'Dmitry Peskov', 'said', 'The talks are over,']]],
  ['Trump wrote in a tweet: "…"', 'Donald Trump wrote in a tweet: "The talks are over."', [['direct', 'speaker-cue-quote', 'Donald Trump', 'wrote', 'The talks are over.']]],
  ['Peskov said: "…" (a colon introduction)', `${PESKOV} Peskov said: "The talks are over."`, [['direct', 'speaker-cue-quote', 'Dmitry Peskov', 'said', 'The talks are over.']]],
  ['Peskov told reporters that …', `${PESKOV} Peskov told reporters that the talks with Washington were over.`, [['indirect', 'speaker-cue-that', 'Dmitry Peskov', 'told', 'the talks with Washington were over']]],
  ['Peskov told reporters … (without that)', `${PESKOV} Peskov told reporters the talks with Washington were over.`, [['indirect', 'speaker-cue-that', 'Dmitry Peskov', 'told', 'the talks with Washington were over']]],
  ['Peskov said on Monday that … (an adverbial before that)', 'Dmitry Peskov said on Monday that the talks with Washington were over.', [['indirect', 'speaker-cue-that', 'Dmitry Peskov', 'said', 'the talks with Washington were over']]],
  ['…, Lavrov said.', 'Russian Foreign Minister Sergey Lavrov arrived on Friday. The talks with Washington were over, Lavrov said.', [['indirect', 'clause-then-speaker-cue', 'Sergey Lavrov', 'said', 'The talks with Washington were over']]],
  ['According to Lavrov, …', 'Russian Foreign Minister Sergey Lavrov arrived on Friday. According to Lavrov, the talks with Washington were over.', [['indirect', 'according-to', 'Sergey Lavrov', 'According to', 'the talks with Washington were over']]],
  ['…, according to Lavrov.', 'Russian Foreign Minister Sergey Lavrov arrived on Friday. The talks with Washington were over, according to Lavrov.', [['indirect', 'according-to', 'Sergey Lavrov', 'according to', 'The talks with Washington were over']]],
  ['Putin assured Trump that "…" (mixed: the clause is all quoted)', 'Vladimir Putin assured Donald Trump that "Russia has never interfered in American elections."', [['mixed', 'speaker-cue-that', 'Vladimir Putin', 'assured', '"Russia has never interfered in American elections."']]],
  ['Trump said that … "…" (mixed: a quoted fragment)', 'Donald Trump said that his meeting with Putin had been "tremendous."', [['mixed', 'speaker-cue-that', 'Donald Trump', 'said', 'his meeting with Putin had been "tremendous."']]],
  ['As Lavrov noted, … (the clause after the comma)', 'Russian Foreign Minister Sergey Lavrov arrived on Friday. As Lavrov noted, the talks with Washington were over.', [['indirect', 'according-to', 'Sergey Lavrov', 'noted', 'the talks with Washington were over']]],
  ['X, who said … (a relative who speaks for X)', 'Dmitry Peskov, who said the talks with Washington were over, left Geneva on Monday.', [['indirect', 'speaker-cue-that', 'Dmitry Peskov', 'said', 'the talks with Washington were over']]],
  ['… by saying "…" (a participle after by reports the subject)', 'Barack Obama ended his speech by saying "Too many."', [['direct', 'speaker-cue-quote', 'Barack Obama', 'saying', 'Too many.']]],
  ['a wire dateline before "…," Peskov said is not part of the quote', `MOSCOW, Dec 1 (Reuters) - "The talks are over," said Kremlin spokesman Dmitry Peskov.`, [['direct', 'quote-then-speaker-cue', 'Dmitry Peskov', 'said', 'The talks are over,']]],
  ['words of the sentence before "…," Hannity said make it mixed', 'Rubio "apologized numerous times on this show," Sean Hannity said.', [['mixed', 'quote-then-speaker-cue', 'Sean Hannity', 'said', 'Rubio "apologized numerous times on this show,"']]],
  ['"…," said his best friend (a possessive opens the speaker)', '"It was his first attempt to make a statement," said his best friend at Lehigh.', [['direct', 'quote-then-speaker-cue', 'his best friend', 'said', 'It was his first attempt to make a statement,']]],
  ['…, adding that "…"', 'Donald Trump said the talks had gone well, adding that "nothing will be done" until the crisis is resolved.', [
    ['indirect', 'speaker-cue-that', 'Donald Trump', 'said', 'the talks had gone well'],
    ['mixed', 'participle-cue', 'Donald Trump', 'adding', '"nothing will be done" until the crisis is resolved'],
  ]],
  ['a headline \'…\' – Trump', '‘Sanctions not discussed with Putin, until Ukrainian crisis resolved’ – Trump\n\nDonald Trump also tweeted that he hadn’t discussed the sanctions with Putin.', [
    ['direct', 'headline-dash-speaker', 'Donald Trump', null, 'Sanctions not discussed with Putin, until Ukrainian crisis resolved'],
    ['indirect', 'speaker-cue-that', 'Donald Trump', 'tweeted', 'he hadn’t discussed the sanctions with Putin'],
  ]],
  ['a quotation signed by a dash and a name (“…” ― Krystal Correa)', 'Here is what our readers think.\n“Donald Trump scares me.” ― Krystal Correa\n“He can’t even answer a question.”\u00a0― Esther Tapia.\nMore views follow below the video.', [
    ['direct', 'quote-dash-speaker', 'Krystal Correa', null, 'Donald Trump scares me.'],
    ['direct', 'quote-dash-speaker', 'Esther Tapia', null, 'He can’t even answer a question.'],
  ]],
  ['a dash and a name inside a sentence sign nothing', 'The slogan “America first” – Trump’s favourite – was everywhere in Ohio.', []],
  // A quote-only paragraph after an attributed quote is the same speaker's: one attribution whose parts
  // are the two quotations, as PolNeAR labels them (`"A," Barkley said.` + `"B."`).
  ['a quote-only paragraph continues the previous speaker (after a headline)', `Talks end in Geneva\n\n${PESKOV} "The talks are over," Peskov said.\n\n"We will not return to the table until Washington changes its position."`, [
    ['direct', 'quote-then-speaker-cue', 'Dmitry Peskov', 'said', 'The talks are over," Peskov said. "We will not return to the table until Washington changes its position.'],
  ]],
  ['a quote-only paragraph continues the previous speaker (no headline)', `${PESKOV} "The talks are over," Peskov said.\n\n"We will not return to the table until Washington changes its position."`, [
    ['direct', 'quote-then-speaker-cue', 'Dmitry Peskov', 'said', 'The talks are over," Peskov said. "We will not return to the table until Washington changes its position.'],
  ]],
  ['a quote in a later paragraph that follows other words is the previous speaker\'s, on its own', `${PESKOV} "The talks are over," Peskov said.\n\nHe added nothing. "We will not return."\n\n"Nor will we call."`, [
    ['direct', 'quote-then-speaker-cue', 'Dmitry Peskov', 'said', 'The talks are over,'],
  ]],
  ['a split quote "…," he said, "…" is one attribution', 'Mayor Vitali Klitschko visited the site on Monday. "We will win," he said, "and soon."', [['direct', 'quote-then-speaker-cue', 'Vitali Klitschko', 'said', 'We will win," he said, "and soon.']]],
  ['a split quote interrupted by a participle\'s phrase is one attribution', 'Sen. Jon Tester spoke at the hearing. "Every time you say that," Tester said, referring to the excuse, "you give ammunition to the people who want to break up the banks."', [['direct', 'quote-then-speaker-cue', 'Jon Tester', 'said', 'Every time you say that," Tester said, referring to the excuse, "you give ammunition to the people who want to break up the banks.']]],
  ['a reporting participle between two quotations starts an attribution of its own ("…," Trump said, adding later, "…")', 'Donald Trump spoke in Ohio. "We certainly cannot afford to do this anymore," Trump said, adding later, "NATO is costing us a fortune."', [
    ['direct', 'quote-then-speaker-cue', 'Donald Trump', 'said', 'We certainly cannot afford to do this anymore,'],
    ['direct', 'speaker-cue-quote', 'Donald Trump', 'adding', 'NATO is costing us a fortune.'],
  ]],
  ['a split quote joined by but is one attribution', 'Barack Obama spoke in Ohio. "You know, I love Larry," he said, but "when it comes to energy, Larry has a history."', [['direct', 'quote-then-speaker-cue', 'Barack Obama', 'said', 'You know, I love Larry," he said, but "when it comes to energy, Larry has a history.']]],
  ['a quotation after another clause is not the split quote\'s rest', 'Barack Obama spoke in Ohio. "You know, I love Larry," he said, and Larry replied "that is a history of energy cases."', [
    ['direct', 'quote-then-speaker-cue', 'Barack Obama', 'said', 'You know, I love Larry,'],
    ['direct', 'speaker-cue-quote', 'Larry', 'replied', 'that is a history of energy cases.'],
  ]],
  ['a quotation after the attribution\'s appositive continues it', '"This is a disgusting day," said Rep. G.K. Butterfield (D-N.C.), head of the Congressional Black Caucus. "Donald Trump is a disgusting fraud."', [['direct', 'quote-then-speaker-cue', 'G.K. Butterfield', 'said', 'This is a disgusting day," said Rep. G.K. Butterfield (D-N.C.), head of the Congressional Black Caucus. "Donald Trump is a disgusting fraud.']]],
  ['a quotation after a sentence of its own does not continue the attribution; the previous speaker, unopposed, is the likeliest', '"This is a disgusting day," said Rep. G.K. Butterfield. He smiled at the crowd. "Donald Trump is a disgusting fraud."', [
    ['direct', 'quote-then-speaker-cue', 'G.K. Butterfield', 'said', 'This is a disgusting day,'],
    ['direct', 'previous-speaker', 'G.K. Butterfield', 'said', 'Donald Trump is a disgusting fraud.'],
  ]],
  ['another name between: no previous speaker', '"This is a disgusting day," said Rep. G.K. Butterfield. Nancy Pelosi smiled at the crowd. "Donald Trump is a disgusting fraud."', [
    ['direct', 'quote-then-speaker-cue', 'G.K. Butterfield', 'said', 'This is a disgusting day,'],
    ['direct', 'unattributed', null, null, 'Donald Trump is a disgusting fraud.'],
  ]],
  ['a signed quotation is no previous speaker', 'Readers wrote in.\n“Donald Trump scares me.” ― Krystal Correa\n“He cannot even answer a question.”\n\nMore views follow below the video.', [
    ['direct', 'quote-dash-speaker', 'Krystal Correa', null, 'Donald Trump scares me.'],
    ['direct', 'unattributed', null, null, 'He cannot even answer a question.'],
  ]],
  ['…, saying he "…" with no subject found: what was said, speaker unknown', 'Last week, endorsing Cruz, saying he "has consistently demonstrated his commitment."', [['mixed', 'cue-without-speaker', null, 'saying', 'he "has consistently demonstrated his commitment."']]],
  ['"…," Rep. Gwen Moore (D-Wis.) said (a parenthesis between speaker and cue)', '"It is a dog whistle to all Americans," Rep. Gwen Moore (D-Wis.) said Friday.', [['direct', 'quote-then-speaker-cue', 'Gwen Moore', 'said', 'It is a dog whistle to all Americans,']]],
  ['a verb outside the lexicon after a quotation that ends its sentence reports nothing (As it stands, …)', 'Ava DuVernay spoke in Harlem. "We have no context for the current moment." As it stands, the prisons hold millions.', [['direct', 'unattributed', null, null, 'We have no context for the current moment.']]],
  ['said "…" that opens a longer clause is a mixed quote', 'Barack Obama said "it gets me mad" every time he thinks about the children who were killed.', [['mixed', 'speaker-cue-quote', 'Barack Obama', 'said', '"it gets me mad" every time he thinks about the children who were killed']]],
  ['what she calls "…" is a label inside the clause, not a quote of its own', 'Hillary Clinton says Americans are hungry for what she calls "real solutions."', [['mixed', 'speaker-cue-that', 'Hillary Clinton', 'says', 'Americans are hungry for what she calls "real solutions."']]],
  ['a show\'s title before the speaker is not the quote (On "Hannity," X said …)', 'Wednesday on Fox News Channel\'s "Hannity," Newt Gingrich said a ticket with Donald Trump would be a "two-pirate ticket."', [['mixed', 'speaker-cue-that', 'Newt Gingrich', 'said', 'a ticket with Donald Trump would be a "two-pirate ticket."']]],
  ['an appositive between dashes (Jason Sims — a teacher — says …)', 'Jason Sims — a teacher from Mount Pleasant — says he made a last-minute decision to vote for Marco Rubio.', [['indirect', 'speaker-cue-that', 'Jason Sims', 'says', 'he made a last-minute decision to vote for Marco Rubio']]],
  ['a source familiar with … said (the noun before the adjective\'s phrase)', 'A source familiar with the FDIC\'s internal investigation said the areas of the network that were hacked held economic data.', [['indirect', 'speaker-cue-that', 'source', 'said', 'the areas of the network that were hacked held economic data']]],
  ['… and said that … after a quotation that ends with !', 'Hillary Clinton won easily. She declared "What a Super Tuesday!" and said that her campaign would continue across the nation.', [
    ['direct', 'speaker-cue-quote', 'Hillary Clinton', 'declared', 'What a Super Tuesday!'],
    ['indirect', 'speaker-cue-that', 'Hillary Clinton', 'said', 'her campaign would continue across the nation'],
  ]],
  ['explained how … (a wh-word opens the reported clause)', 'Donald Trump explained how he would be free of conflicts of interest.', [['indirect', 'speaker-cue-that', 'Donald Trump', 'explained', 'how he would be free of conflicts of interest']]],
  ['is questioning whether …', 'Donald Trump is questioning whether Barack Obama would have attended the funeral.', [['indirect', 'speaker-cue-that', 'Donald Trump', 'questioning', 'whether Barack Obama would have attended the funeral']]],
  ['a name in apposition speaks (Another pollster, David Woodard of Clemson University, said …)', 'Another pollster, David Woodard of Clemson University, said his survey showed support holding steady.', [['indirect', 'speaker-cue-that', 'David Woodard', 'said', 'his survey showed support holding steady']]],
  ['said about half of … (a quantity, not a preposition)', 'The budget office said about half of the adjustment reflected revenue losses from the tax cuts.', [['indirect', 'speaker-cue-that', 'budget office', 'said', 'about half of the adjustment reflected revenue losses from the tax cuts']]],
  ['Still, he said, … (a connective before the attribution)', 'John Verdery spoke on Monday. Still, he said, officials have to decide who gets extra scrutiny.', [['indirect', 'clause-then-speaker-cue', 'John Verdery', 'said', 'officials have to decide who gets extra scrutiny']]],
  ['a plural noun phrase before a preposition speaks (other bundlers in both parties said …)', 'Other prominent bundlers in both parties said their networks were now composed mostly of women.', [['indirect', 'speaker-cue-that', 'Other prominent bundlers', 'said', 'their networks were now composed mostly of women']]],
  ['acknowledged it was … (it as the clause\'s subject)', 'Jill Stein filed a lawsuit, though she acknowledged it was unlikely to work.', [['indirect', 'speaker-cue-that', 'Jill Stein', 'acknowledged', 'it was unlikely to work']]],
  ['X, Y and Z all suggested … (a floating quantifier)', 'Jeff Merkley (D-Ore.) and Robert Menendez (D-N.J.) all suggested that the claims could be grounds for a case.', [['indirect', 'speaker-cue-that', 'Robert Menendez', 'suggested', 'the claims could be grounds for a case']]],
  ['Wells Fargo just this month announced … (a time phrase with an adverb)', 'Wells Fargo just this month announced it would get rid of these incentives.', [['indirect', 'speaker-cue-that', 'Wells Fargo', 'announced', 'it would get rid of these incentives']]],
  ['the experts I interviewed said … (a relative clause without its pronoun)', 'All the experts I interviewed said her proposals were more detailed than his.', [['indirect', 'speaker-cue-that', 'experts', 'said', 'her proposals were more detailed than his']]],
  ['says at a campaign stop in Toledo that … (a noun tagged as a verb in a phrase)', 'Hillary Clinton says at a campaign stop in Toledo that it means Trump never paid for Pell Grants.', [['indirect', 'speaker-cue-that', 'Hillary Clinton', 'says', 'it means Trump never paid for Pell Grants']]],
  ['…, political analysts say; … (a semicolon ends the attribution)', 'Candidates need about 40 percent of the Hispanic vote, political analysts say; in 2012, Mitt Romney won 27 percent.', [['indirect', 'clause-then-speaker-cue', 'political analysts', 'say', 'Candidates need about 40 percent of the Hispanic vote']]],
  ['…, a spokeswoman, Anna White, said on Saturday, and … (a nominal and a name in apposition)', 'Facebook created the tool to help in times of crisis, a spokeswoman, Anna White, said on Saturday, and it has used it five times.', [['indirect', 'clause-then-speaker-cue', 'Anna White', 'said', 'Facebook created the tool to help in times of crisis']]],
  ['Voters, Clinton suggested, don\'t … (a short subject before the attribution)', 'Hillary Clinton spoke in Iowa. Voters, Clinton suggested, don\'t have to worry about the banks.', [['indirect', 'clause-then-speaker-cue', 'Hillary Clinton', 'suggested', 'Voters, Clinton suggested, don\'t have to worry about the banks']]],
  ['a title-case headline: X Says …', 'Bernie Sanders Says He Has Started Writing His Inaugural Address\n\nThe senator spoke in Iowa on Monday.', [['indirect', 'speaker-cue-that', 'Bernie Sanders', 'Says', 'He Has Started Writing His Inaugural Address']]],
  ['a dateline before a dash is no heading\'s speaker', 'Talks end in Geneva\n\nWASHINGTON (Reuters) - Hillary Clinton spoke in Iowa on Monday.', []],
  ['an unlisted verb’s preposition is not part of what was said (referring to X as “…”)', 'Donald Trump infamously referred to Mexican immigrants as "criminals" in his speech.', [['mixed', 'verb-then-quoted-fragment', 'Donald Trump', 'referred', 'Mexican immigrants as "criminals" in his speech']]],
  ['a named speaker’s apposition after a whole clause is not more of what was said (…, said X, the director of …)', 'Asawitiri Media also uses the same photo over and over again, said Rita Katz, the director of SITE Intelligence Group.', [['indirect', 'clause-then-speaker-cue', 'Rita Katz', 'said', 'Asawitiri Media also uses the same photo over and over again']]],
  ['a clause cut by a named attribution still resumes after it (Many of the closures, Katz said, have …)', 'Many of the closures, Rita Katz said, have involved public courses.', [['indirect', 'clause-then-speaker-cue', 'Rita Katz', 'said', 'Many of the closures, Rita Katz said, have involved public courses']]],
  ['words before a mid-sentence attribution open a quotation that goes on after it (X, he said, “could …”)', 'Donald Trump spoke on Monday. An economic downturn, Trump said, "could be a good time to borrow."', [['mixed', 'speaker-cue-quote', 'Donald Trump', 'said', 'An economic downturn, Trump said, "could be a good time to borrow."']]],
  ['a quotation that starts its own sentence after a mid-sentence attribution is direct (As for X, she said, “The …”)', 'Hillary Clinton spoke on Monday. As for the polls, Clinton said, "The vetting has not even begun."', [['direct', 'speaker-cue-quote', 'Hillary Clinton', 'said', 'The vetting has not even begun.']]],
  ['a passive cue names, it reports nothing (what is called a “debate”)', 'It is what is called a "debate" but usually turns into isolated questions.', []],
  ['a passive phrase cue reports nothing (Texas was called for Cruz)', 'Texas was called for Ted Cruz moments after the polls closed.', []],
  ['after speak, a preposition names the audience, not what was said (spoke to …)', 'Hillary Clinton spoke to the Planned Parenthood Action Network, her first speech since she became the nominee.', []],
  ['after speak, a preposition names the place (spoke at … for those who …)', 'Barack Obama later spoke at a memorial service in Tucson for those who did not survive.', []],
  ['a participle of speak with a preposition names the audience (…, speaking to …)', 'Donald Trump walked out, speaking to a veterans group in Virginia.', []],
  ['as much stands for what was said elsewhere, no clause follows', 'Oz’s big boss indicated as much in an email, released as part of the WikiLeaks Sony dump.', []],
  ['a nominal between a quotation and a named speaker is the name’s apposition, not more of the quote (“…,” his wife, X, wrote)', '"We need him because life is very hard," his wife, Gabriela Lazar, wrote in a letter to the court.', [['direct', 'quote-then-speaker-cue', 'Gabriela Lazar', 'wrote', 'We need him because life is very hard,']]],
  ['a short quoted name inside the speaker’s appositive is passed over (X, wearing “Ted Cruz” pins, said …)', 'Bill Eastland, wearing a cowboy hat and "Ted Cruz" campaign pins, said the convention had been a success.', [['indirect', 'speaker-cue-that', 'Bill Eastland', 'said', 'the convention had been a success']]],
  ['instead belongs to what was said, as PolNeAR labels it (Instead, …, X said)', 'Donald Trump spoke in Ohio. Instead, the party must unite behind him, Trump said.', [['indirect', 'clause-then-speaker-cue', 'Donald Trump', 'said', 'Instead, the party must unite behind him']]],
  ['a show’s title before the speaker is not what was said, whatever the cue reports (on CNN’s “State of the Union,” X highlighted …)', 'Sunday on CNN’s "State of the Union," Bernie Sanders highlighted the racial divide.', [['indirect', 'speaker-cue-object', 'Bernie Sanders', 'highlighted', 'the racial divide']]],
  ['a title of a work in title case inside a sentence is no quote, however long (his book “The Art of the Deal.”)', 'Donald Trump closed the deal in 1987.\n\nThe purchase was in his book "The Making of Donald Trump," which sold well.', []],
  ['a headline may quote in title case (Trump: ‘Oil Pays Him a Lot of Money.’)', 'Trump: Cruz Has to Come a Long Way, "Oil Pays Him a Lot of Money."\n\nDonald Trump spoke on Monday.', [['direct', 'unattributed', null, null, 'Oil Pays Him a Lot of Money.']]],
  ['a paragraph in other marks after the speech is a subheading, not more of it (“…” then ‘Legend in the Coal Fields.’)', '"I am skeptical he can pull it off," said Peter Morgan, a lawyer.\n\n\'Legend in the Coal Fields.\'\n\nBankruptcy is like a chess game.', [['direct', 'quote-then-speaker-cue', 'Peter Morgan', 'said', 'I am skeptical he can pull it off,']]],
  ['a sentence-case subheading in other marks is not more of the speech either', '"If I were in my 40s, I would go back to school," Jane Doe said.\n\n\'A really tough decision.\'\n\nThe plant closed in May.', [['direct', 'quote-then-speaker-cue', 'Jane Doe', 'said', 'If I were in my 40s, I would go back to school,']]],
  ['a quote-only paragraph in the same marks goes on with the speech', '"I am skeptical he can pull it off," said Peter Morgan, a lawyer.\n\n"And I have said so for years, to anyone who listened."', [['direct', 'quote-then-speaker-cue', 'Peter Morgan', 'said', 'I am skeptical he can pull it off," said Peter Morgan, a lawyer. "And I have said so for years, to anyone who listened.']]],
  ['a verb outside the lexicon with quoted words in its object is a looser mixed quote', 'Sen. Harry Reid has been steadily pounding Trump as a "con artist" for weeks.', [['mixed', 'verb-then-quoted-fragment', 'Harry Reid', 'pounding', 'Trump as a "con artist" for weeks']]],
  ['a title after a verb is not a quote (acted in the movie "…")', 'Anthony Weiner acted in the Syfy movie "Sharknado 3" last year.', []],
  ['a title after on is not a quote (appeared on "…")', 'Donald Trump appeared on "Meet the Press" on Sunday morning.', []],
  ['a participle after a verb\'s object reports the verb\'s subject (unleashed tweets saying …)', 'Donald Trump unleashed a series of tweets early Friday saying that Hillary Clinton had shown bad judgment.', [['indirect', 'speaker-cue-that', 'Donald Trump', 'saying', 'Hillary Clinton had shown bad judgment']]],
  ['a plural possessive inside the speaker\'s appositive (veterans\' families)', 'Rucker Culpepper, who runs the effort for military veterans\' families, said, "Trump has been disrespecting our veterans."', [['direct', 'speaker-cue-quote', 'Rucker Culpepper', 'said', 'Trump has been disrespecting our veterans.']]],
  ['a split quote around a hearer and a time ("…," Schiff told Capital Download on Wednesday, "…")', 'Adam Schiff spoke. "What is new is not the hacking," Schiff told Capital Download on Wednesday, "but the attempt to interfere."', [['direct', 'quote-then-speaker-cue', 'Adam Schiff', 'told', 'What is new is not the hacking," Schiff told Capital Download on Wednesday, "but the attempt to interfere.']]],
  ['words between a quotation and its attribution make it mixed ("…" at the convention, he said)', 'Donald Trump spoke in Ohio. "We are alive, unlike the robots you will see next week" at the Democratic convention, Trump said.', [['mixed', 'quote-then-speaker-cue', 'Donald Trump', 'said', '"We are alive, unlike the robots you will see next week" at the Democratic convention']]],
  ['a transcript: a speaker in capitals before a colon', 'Partial transcript as follows:\n\nWALLACE: Let us start with the breaking news tonight.\n\nPENCE: Well, look, this is not an episode of a game show.\n\nUPDATE: The story was updated on Monday.', [
    ['direct', 'transcript-speaker', 'WALLACE', null, 'Let us start with the breaking news tonight.'],
    ['direct', 'transcript-speaker', 'PENCE', null, 'Well, look, this is not an episode of a game show.'],
  ]],
  ['a transcript inside one quotation over several paragraphs: each paragraph has its speaker', 'Partial transcript as follows:\n\n"WALLACE: Let us start with the breaking news tonight.\n\n"PENCE: Well, look, this is not an episode of a game show.\n\n"WALLACE: Thank you, Governor."\n\nThe interview ended there.', [
    ['direct', 'transcript-speaker', 'WALLACE', null, 'Let us start with the breaking news tonight.'],
    ['direct', 'transcript-speaker', 'PENCE', null, 'Well, look, this is not an episode of a game show.'],
    ['direct', 'transcript-speaker', 'WALLACE', null, 'Thank you, Governor.'],
  ]],
  ['a transcript label joins the person of that surname', 'Mike Pence spoke on Sunday.\n\nPENCE: Well, look, this is not an episode of a game show.', [['direct', 'transcript-speaker', 'Mike Pence', null, 'Well, look, this is not an episode of a game show.']]],
  ['is promising … (a progressive wink tags as an adjective)', 'Donald Trump is promising lower taxes and "jobs, jobs, jobs."', [['mixed', 'speaker-cue-that', 'Donald Trump', 'promising', 'lower taxes and "jobs, jobs, jobs."']]],
  ['X’s claim that … (a reporting noun, its possessor the speaker)', 'Politifact seized on Donald Trump’s claim that there have been "thousands of shootings" in Chicago this year.', [['mixed', 'possessor-noun-that', 'Donald Trump', 'claim', 'there have been "thousands of shootings" in Chicago this year']]],
  ['her remark that … (a possessive pronoun resolves like a pronoun)', 'Madeleine Albright fanned controversy over her remark that there is a special place in hell for some voters.', [['indirect', 'possessor-noun-that', 'Madeleine Albright', 'remark', 'there is a special place in hell for some voters']]],
  ['a thought noun is no report (her belief that …)', 'Madeleine Albright held on to her belief that voters would come around.', []],
  ['past a label to the cue that reports it (to denounce what X called "…")', 'Other leaders used blunt language to denounce what Malcolm Turnbull called North Korea\'s "dangerous and provocative" actions.', [['mixed', 'cue-then-quoted-fragment', 'Other leaders', 'denounce', 'what Malcolm Turnbull called North Korea\'s "dangerous and provocative" actions']]],
  ['a sentence-opening connective is the writer\'s (But …, he said)', 'John Verdery spoke on Monday. But with each passing contest, the support for him grows, Verdery said.', [['indirect', 'clause-then-speaker-cue', 'John Verdery', 'said', 'with each passing contest, the support for him grows']]],
  ['a dateline is not what was said (WASHINGTON (Reuters) - …, officials said)', 'Hacks reported\n\nWASHINGTON (Reuters) - The Chinese government likely hacked computers at the agency, officials said.', [['indirect', 'clause-then-speaker-cue', 'officials', 'said', 'The Chinese government likely hacked computers at the agency']]],
  ['a dateline with a parenthesised agency is not what was said (New York (AFP) – …, Sanders warned)', 'Sanders on Brexit\n\nNew York (AFP) – The same popular frustration could send disgruntled Americans to Donald Trump, Bernie Sanders warned on Wednesday.', [['indirect', 'clause-then-speaker-cue', 'Bernie Sanders', 'warned', 'The same popular frustration could send disgruntled Americans to Donald Trump']]],
  ['a short quoted title between the cue and that is passed over (tells MSNBC\'s "Morning Joe" on Friday that …)', 'Jeh Johnson tells MSNBC\'s "Morning Joe" on Friday that the attack remains under investigation.', [['indirect', 'speaker-cue-that', 'Jeh Johnson', 'tells', 'the attack remains under investigation']]],
  ['disputes the idea that … (a noun of content keeps its that-clause)', 'The woman disputes the idea that she was paid to stay silent.', [['indirect', 'speaker-cue-that', 'woman', 'disputes', 'the idea that she was paid to stay silent']]],
  ['a wall, which he said Mexico should pay for (the relative pronoun is part of what was said)', 'Donald Trump promised a permanent wall at the border, which he said the Mexican government should pay for.', [
    ['indirect', 'speaker-cue-that', 'Donald Trump', 'promised', 'a permanent wall at the border'],
    ['indirect', 'speaker-cue-that', 'Donald Trump', 'said', 'which he said the Mexican government should pay for'],
  ]],
  ['a pronoun two sentences after the name', 'Chancellor Angela Merkel arrived in Paris on Monday. The meeting lasted three hours. "We have taken a decisive step," she said.', [['direct', 'quote-then-speaker-cue', 'Angela Merkel', 'said', 'We have taken a decisive step,']]],
  ['a bracketed insertion names the speaker of a pronoun', 'Donald Trump met Vladimir Putin on Friday. "He [Putin] vehemently denied it," he [Trump] said.', [['direct', 'quote-then-speaker-cue', 'Donald Trump', 'said', 'He [Putin] vehemently denied it,']]],
  ['a pronoun with no one to refer to is no speaker', '"We will win," he said.', [['direct', 'quote-then-speaker-cue', null, 'said', 'We will win,']]],
  ['scare quotes are not quotes (so-called "experts")', 'The so-called "experts" were wrong about the vote in Ohio.', []],
  ['a film title is not a quote (the film "Snowden")', 'Oliver Stone presented the film "Snowden" in Berlin on Friday.', []],
  ['a nickname is not a quote (Joaquín "El Chapo" Guzmán)', 'Joaquín "El Chapo" Guzmán was extradited to the United States in January.', []],
  ['a thought verb attributes nothing', 'Donald Trump believes the talks with Russia will resume soon.', []],
];

describe('attribute: one row per sieve', () => {
  test.each(SIEVES)('%s', (_, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('attribute: parts and spans', () => {
  test('a split quote records its two parts', () => {
    const text = 'Mayor Vitali Klitschko visited the site on Monday. "We will win," he said, "and soon."';
    expect(records(text).map((r) => r.parts.map(([start, end]) => text.slice(start, end)))).toEqual([['We will win,', 'and soon.']]);
  });

  test.each(SIEVES.filter(([, , expected]) => expected.length > 0))('%s: cue and speaker spans slice to their text', (_, text) => {
    for (const r of records(text)) {
      if (r.cue) expect(slice(text, r.cue)).toBe(r.cue.text);
      if (r.speaker) expect(slice(text, r.speaker).replace(/\s+/g, ' ')).toBe(r.speaker.mention);
    }
  });

  test.each(SIEVES.filter(([, , expected]) => expected.length > 0))('%s: confidence is between 0 and 1', (_, text) => {
    for (const r of records(text)) expect(r.confidence > 0 && r.confidence <= 1).toBe(true);
  });

  test('an unresolved pronoun speaker lowers the confidence below the same quote with a name', () => {
    const [named] = records('"We will win," Klitschko said.');
    const [unresolved] = records('"We will win," he said.');
    expect(unresolved!.confidence).toBeLessThan(named!.confidence);
  });
});

describe('isWireDateline', () => {
  test.each([
    ['WASHINGTON, January 20 (Reuters) - ', true],
    ['MOSCOW, July 10. /TASS/. ', true],
    ['NEW YORK (AP) — ', true],
    ['SAN JUAN, Puerto Rico - ', true],
    ['New York (AFP) – ', true],
    ['BERLIN, March 3 (dpa) -- ', true],
    ['NATO chief said - ', false],
    ['Kremlin spokesman Dmitry Peskov said on Monday - ', false],
    ['The NATO chief - ', false],
    ['WASHINGTON ', false],
    ['Rubio ', false],
  ] as const)('%j → %s', (text, expected) => {
    expect(isWireDateline(text)).toBe(expected);
  });
});

describe('outerHolding: the outermost quotation around a span, by binary search', () => {
  // an unmatched mark at the end: its hull runs to the end of its paragraph
  const text = 'He said “one thing.” Then “two, three,” she said, and “four is “five” too.” And “six is here.\n\nNext.';
  const doc = annotated(text);
  const ctx = createContext(doc, lexicon);
  // what the sieves scanned for before: the first outer quotation whose hull holds the span
  const scanned = (start: number, end: number) => ctx.outer.find((q) => q.open.start <= start && (q.close?.end ?? q.end) >= end);

  test('the document has its four outer quotations, one nested and one unmatched', () => {
    expect(ctx.outer.length).toBe(4);
  });

  test.each([
    ['inside the first quotation', 'one', 'one thing'],
    ['the nested quotation, inside its outer one', 'five', 'four is'],
    ['from the opening mark to the closing one', '“two, three,”', 'two, three'],
    ['inside the unmatched quotation', 'six', 'six'],
  ])('%s', (_, part, holder) => {
    const { start, end } = spanOf(text, part);
    const q = outerHolding(ctx, start, end);
    expect(q && text.slice(q.start, q.end)).toContain(holder);
  });

  test.each([
    ['before every quotation', 'He said'],
    ['between two quotations', 'Then'],
    ['across two quotations', 'thing.” Then “two'],
    ['after the unmatched paragraph', 'Next'],
  ])('nothing %s', (_, part) => {
    const { start, end } = spanOf(text, part);
    expect(outerHolding(ctx, start, end)).toBeUndefined();
  });

  test('agrees with a scan of every outer quotation on every span of the text', () => {
    for (let start = 0; start < text.length; start++) {
      for (let end = start + 1; end <= text.length; end++) expect(outerHolding(ctx, start, end)).toBe(scanned(start, end));
    }
  });
});
