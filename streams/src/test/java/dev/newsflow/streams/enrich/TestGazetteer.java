package dev.newsflow.streams.enrich;

/** A small gazetteer written for the tests, in the shipped files' schema. */
final class TestGazetteer {

    static final String YAML = """
            countries:
              - id: Q148
                name: China
                names: ["People's Republic of China"]
                demonyms: ["Chinese"]
                offices:
                  - id: Q655407
                    label: President of the People's Republic of China
                    kind: head_of_state
                    titles: [president, leader]
                    holders:
                      - {person: Q15031, name: Xi Jinping, from: 2013-03-14, aliases: ["Xi"], native: ["习近平"]}
              - id: Q30
                name: United States
                names: ["U.S.", "United States of America"]
                demonyms: ["U.S.", "US", "American"]
                domains: ["whitehouse.gov"]
                offices:
                  - id: Q11696
                    label: President of the United States
                    kind: head_of_state
                    titles: [president, leader]
                    holders:
                      - {person: Q76, name: Barack Obama, from: 2009-01-20, to: 2017-01-20, aliases: ["Obama"]}
                      - {person: Q22686, name: Donald Trump, from: 2017-01-20, to: 2021-01-20, aliases: ["Trump"]}
                      - {person: Q6279, name: Joe Biden, from: 2021-01-20, to: 2025-01-20, aliases: ["Biden"]}
                      - {person: Q22686, name: Donald Trump, from: 2025-01-20}
              - id: Q145
                name: United Kingdom
                names: ["UK", "U.K.", "Britain"]
                demonyms: ["British", "UK", "U.K."]
                offices:
                  - id: Q14211
                    label: Prime Minister of the United Kingdom
                    kind: head_of_government
                    titles: [prime minister, leader]
                    holders:
                      - {person: Q180589, name: Boris Johnson, from: 2019-07-24, to: 2022-09-06, aliases: ["Johnson"]}
                      - {person: Q5672, name: Liz Truss, from: 2022-09-06, to: 2022-10-25}
                      - {person: Q7321305, name: Rishi Sunak, from: 2022-10-25, to: 2024-07-05, aliases: ["Sunak"]}
              - id: Q183
                name: Germany
                demonyms: ["German"]
                offices:
                  - id: Q4970706
                    label: Chancellor of Germany
                    kind: head_of_government
                    titles: [chancellor, leader]
                    holders:
                      - {person: Q567, name: Angela Merkel, from: 2005-11-22, to: 2021-12-08, aliases: ["Merkel"]}
                      - {person: Q61053, name: Olaf Scholz, from: 2021-12-08, to: 2025-05-06, aliases: ["Scholz"]}
              - id: Q843
                name: Pakistan
                demonyms: ["Pakistani"]
                offices:
                  - id: Q735575
                    label: Prime Minister of Pakistan
                    kind: head_of_government
                    titles: [prime minister, leader]
                    holders:
                      - {person: Q465410, name: Nawaz Sharif, from: 2013-06-05, to: 2017-07-28, aliases: ["Sharif"]}
                      - {person: Q7493008, name: Shehbaz Sharif, from: 2022-04-11, to: 2023-08-14, aliases: ["Sharif"]}
              - id: Q423
                name: North Korea
                demonyms: ["North Korean"]
                offices:
                  - id: Q56042
                    label: President of the State Affairs of North Korea
                    kind: head_of_state
                    titles: [chairman, leader]
                    holders:
                      - {person: Q56226, name: Kim Jong Un, from: 2016-06-29, aliases: ["Kim Jong-un", "Kim"]}
              - id: Q43
                name: Turkey
                names: ["Türkiye"]
                demonyms: ["Turkish"]
                offices:
                  - id: Q208696
                    label: President of Turkey
                    kind: head_of_state
                    titles: [president, leader]
                    holders:
                      - {person: Q39259, name: Recep Tayyip Erdoğan, from: 2014-08-28, aliases: ["Erdoğan"]}
              - id: Q212
                name: Ukraine
                demonyms: ["Ukrainian"]
                offices:
                  - id: Q1370482
                    label: President of Ukraine
                    kind: head_of_state
                    titles: [president, leader]
                    holders:
                      - {person: Q3874799, name: Volodymyr Zelenskyy, from: 2019-05-20, aliases: ["Zelenskyy", "Zelensky", "Zelenskiy"]}
              - id: Q668
                name: India
                demonyms: ["Indian"]
                offices:
                  - id: Q1150277
                    label: Prime Minister of India
                    kind: head_of_government
                    titles: [prime minister, leader]
                    holders:
                      - {person: Q1058, name: Narendra Modi, from: 2014-05-26, aliases: ["Modi"], native: ["नरेन्द्र मोदी"]}
              - id: Q1065
                name: United Nations
                demonyms: ["U.N.", "UN", "United Nations"]
                offices:
                  - id: Q81066
                    label: Secretary-General of the United Nations
                    kind: organisation
                    titles: [secretary-general]
                    holders:
                      - {person: Q311440, name: António Guterres, from: 2017-01-01, aliases: ["Guterres"]}
            """;

    static final Gazetteer GAZETTEER = Gazetteer.fromYaml(YAML);

    private TestGazetteer() {
    }
}
