import { describe, expect, test } from 'vitest';
import { cleanPage } from '@/lib/extract/clean-page';
import { extractArticle } from '@/lib/extract/extract-article';
import { bodyText, FIXTURE_URL, fixtureDoc, htmlDoc } from './fixture';

const BODY = [
  'The city council voted on Tuesday to expand the tram network',
  'Supporters said the new line would cut commuting times',
  'Opponents warned that the budget had already grown twice',
  'Construction is expected to begin next spring',
];

function expectBodyKept(text: string) {
  for (const sentence of BODY) expect(text).toContain(sentence);
}

describe('cleanPage', () => {
  test('removes a newsletter box with its heading and blurb, keeps the paragraphs around it', () => {
    const doc = fixtureDoc('newsletter-box.html');
    cleanPage(doc);
    const text = bodyText(doc);
    expect(text).not.toContain('Morning Briefing newsletter');
    expect(text).not.toContain('in your inbox');
    expect(text).not.toContain('indicates required');
    expectBodyKept(text);
  });

  test('removes an inline related-article card and a related-links box', () => {
    const doc = fixtureDoc('related-card.html');
    cleanPage(doc);
    const text = bodyText(doc);
    expect(text).not.toContain('Tram budget doubles in secret report');
    expect(text).not.toContain('Bus drivers strike');
    expectBodyKept(text);
  });

  test('removes the audio player and the share bar', () => {
    const doc = fixtureDoc('audio-share.html');
    cleanPage(doc);
    const text = bodyText(doc);
    expect(text).not.toContain('Listen to this article');
    expect(text).not.toContain('Share on Twitter');
    expect(doc.querySelector('audio')).toBeNull();
    expectBodyKept(text);
  });

  test('removes skip and admin links, cookie and paywall banners', () => {
    const doc = fixtureDoc('links-banners.html');
    cleanPage(doc);
    const text = bodyText(doc);
    for (const noise of ['Skip to main content', 'Edit Post', 'We use cookies', 'free articles this month']) {
      expect(text).not.toContain(noise);
    }
    expectBodyKept(text);
  });

  test('removes elements hidden by attribute or inline style', () => {
    const doc = fixtureDoc('hidden-elements.html');
    cleanPage(doc);
    const text = bodyText(doc);
    for (const noise of [
      'Thanks for signing up',
      'Decorative quote',
      'enable JavaScript',
      'Loading related',
    ]) {
      expect(text).not.toContain(noise);
    }
    expectBodyKept(text);
  });

  test('keeps a page that is wrapped in one big form (ASP.NET style)', () => {
    const doc = fixtureDoc('form-wrapped-page.html');
    cleanPage(doc);
    expectBodyKept(bodyText(doc));
  });

  test('keeps a big container even when its class says "share" (it holds the article)', () => {
    const paragraphs = BODY.map(
      (s) => `<p>${s} ${'and the debate went on for a long time. '.repeat(3)}</p>`,
    ).join('');
    const doc = htmlDoc(`<body><div class="story share-enabled">${paragraphs}</div></body>`);
    cleanPage(doc);
    expectBodyKept(bodyText(doc));
  });
});

describe('extractArticle on the cleaning fixtures', () => {
  test.each([
    ['newsletter-box.html', ['newsletter', 'inbox', 'indicates required']],
    ['related-card.html', ['Tram budget doubles', 'Bus drivers strike']],
    ['audio-share.html', ['Listen to this article', 'Share on']],
    ['links-banners.html', ['Skip to', 'Edit Post', 'cookies', 'free articles']],
    ['hidden-elements.html', ['signing up', 'enable JavaScript']],
  ])('%s: body text without the noise', (name, noise) => {
    const article = extractArticle(fixtureDoc(name), FIXTURE_URL);
    expect(article).not.toBeNull();
    expectBodyKept(article?.textContent ?? '');
    for (const n of noise) expect(article?.textContent).not.toContain(n);
  });
});

describe('cleanPage: cards to other posts and short stories', () => {
  test('removes WordPress, Ghost and Substack cards that link to another post', () => {
    const doc = htmlDoc(`<body><article><p>Ferry fares will not rise this year, the operator said.</p>
      <blockquote class="wp-embedded-content" data-secret="Ab12"><a href="https://news.example.com/2023/11/history/">A short history of the harbour line</a></blockquote>
      <div class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="https://blog.example.org/ferries/"><div class="kg-bookmark-title">How the ferries got their names</div></a></div>
      <div class="embedded-post-wrap"><a class="embedded-post" href="https://ex.example.com/p/ferries"><div class="embedded-post-title">Ten ferry rides worth taking</div></a></div>
      <p>Commuter groups welcomed the decision.</p></article></body>`);
    cleanPage(doc);
    const text = bodyText(doc);
    expect(text).not.toContain('A short history of the harbour line');
    expect(text).not.toContain('How the ferries got their names');
    expect(text).not.toContain('Ten ferry rides worth taking');
    expect(text).toContain('Commuter groups welcomed the decision.');
  });

  test('keeps a short story whose box is also named for sharing or sponsors', () => {
    const story =
      '<p>The Mill Street bridge will close on Monday for two weeks of repairs, the city said.</p>';
    for (const box of [
      `<div class="story-body has-share-tools">${story}</div>`,
      `<div class="wrap sponsor-free"><h1>Bridge closes</h1>${story}</div>`,
    ]) {
      const doc = htmlDoc(`<body>${box}</body>`);
      cleanPage(doc);
      expect(bodyText(doc)).toContain('The Mill Street bridge will close');
    }
  });
});
