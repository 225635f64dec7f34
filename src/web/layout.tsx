/**
 * The frame of every page: head with the stylesheet and the enhancement
 * script, a skip link, the site navigation, the page's main content and a
 * footer. Pages give their title and which navigation entry they belong to.
 */
import type { Child } from "hono/jsx";
import { ASSET_HREF } from "./assets/index.ts";
import { COMPARE_PATH, lineageHref, seriesHref } from "./paths.ts";

export type Section = "series" | "lineage" | "compare";

export interface LayoutProps {
	/** The page's own title; " · resdiff" is added. */
	readonly title: string;
	readonly section?: Section | undefined;
	/** The series the page is about, kept in the navigation's links. */
	readonly seriesId?: string | undefined;
	/** Let the content use the window's whole width (the lineage table). */
	readonly wide?: boolean;
	readonly children?: Child;
}

function NavLink(props: { href: string; current: boolean; children?: Child }) {
	return (
		<li>
			<a href={props.href} aria-current={props.current ? "page" : undefined}>
				{props.children}
			</a>
		</li>
	);
}

export function Layout(props: LayoutProps) {
	return (
		<html lang="en">
			<head>
				<meta charset="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<title>{`${props.title} · resdiff`}</title>
				<link rel="icon" type="image/svg+xml" href={ASSET_HREF.icon} />
				<link rel="stylesheet" href={ASSET_HREF.css} />
				<script src={ASSET_HREF.js} defer />
			</head>
			<body>
				<a class="skip-link" href="#main">
					Skip to content
				</a>
				<header class="site-header">
					<div class="inner">
						<a class="brand" href={seriesHref(props.seriesId)}>
							resdiff<span>UN resolutions, paragraph by paragraph</span>
						</a>
						<nav class="site-nav" aria-label="Site">
							<ul>
								<NavLink href={seriesHref(props.seriesId)} current={props.section === "series"}>
									Series
								</NavLink>
								<NavLink href={lineageHref(props.seriesId)} current={props.section === "lineage"}>
									Lineage
								</NavLink>
								<NavLink href={COMPARE_PATH} current={props.section === "compare"}>
									Compare a draft
								</NavLink>
								<NavLink href="/api/docs" current={false}>
									API
								</NavLink>
							</ul>
						</nav>
					</div>
				</header>
				<main id="main" tabindex={-1} class={props.wide ? "wide" : undefined}>
					{props.children}
				</main>
				<footer class="site-footer">
					<div class="inner">
						<p>
							resdiff compares the texts stored in this service. Official texts are published in the
							UN Official Document System; check any quotation against them.
						</p>
					</div>
				</footer>
			</body>
		</html>
	);
}
