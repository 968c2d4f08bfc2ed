package store

import (
	"fmt"
	"hash/fnv"
	"time"

	"jobspor/model"
)

var (
	demoEmployers = []string{"Bæk & Søn Byg ApS", "Kantinen på Havnen", "Nordlys Logistik A/S", "Hotel Østersøen", "Rengøringsfirmaet Glans",
		"Dagli'Brugsen Ørby", "Plejecenter Solgården", "Åkjær Transport", "Frølunds Bageri", "Møllers Maskinfabrik",
		"Vikarhuset Midt", "Café Ærø", "Kommunens Hjemmepleje", "Sø-Pak A/S", "Grøn Gartneri ApS"}
	demoPlaces = []string{"København S", "København NV", "Frederiksberg", "Hvidovre", "Ballerup", "Hillerød", "Køge", "Aarhus C", "Odense C", "Aalborg"}
	// demoPostcodes are the demo places' postcodes; demoHomes where demo
	// citizens live (mostly the capital, the demo office's region).
	demoPostcodes = map[string]string{"København S": "2300", "København NV": "2400", "Frederiksberg": "2000", "Hvidovre": "2650",
		"Ballerup": "2750", "Hillerød": "3400", "Køge": "4600", "Aarhus C": "8000", "Odense C": "5000", "Aalborg": "9000"}
	demoHomes    = []string{"2300", "2300", "2400", "2200", "2500", "2650", "2720", "2750", "3400", "2605", "4600", "8000"}
	demoApplyHow = []string{"Send ansøgning og CV på mail", "Ring og spørg efter butikschefen", "Søg via virksomhedens hjemmeside",
		"Mød op med CV mellem 9 og 12", "Send en SMS med navn og telefonnummer"}
	// demoRatings fixes the Jobvejviser example (10 råd #4): campingmedhjælper
	// is poor everywhere; its group holds better-rated titles.
	demoRatings = map[string]model.Rating{"Campingmedhjælper": model.RatingPoor, "Køkkenmedhjælper": model.RatingShortage,
		"Opvasker": model.RatingGood, "Cafémedarbejder": model.RatingGood, "Servicemedarbejder": model.RatingGood, "Afrydder": model.RatingPoor,
		"Lagermedarbejder": model.RatingShortage, "Social- og sundhedshjælper": model.RatingSevere, "Kontorassistent": model.RatingPoor}
)

// demoCode gives a demo goal its catalogue code, when the title is there.
func (d *demo) demoCode(title string) string {
	if d.o.Catalogue == nil {
		return ""
	}
	t, _ := d.o.Catalogue.Lookup(title)
	return t.Code
}

// prospectsEdition writes the July edition before Today, every catalogue
// title rated in every region (deterministic per title and region).
func (d *demo) prospectsEdition() error {
	if d.o.Catalogue == nil {
		return nil
	}
	published := time.Date(d.today.Year(), time.July, 1, 0, 0, 0, 0, time.UTC)
	if published.After(d.today) {
		published = time.Date(d.today.Year(), time.January, 1, 0, 0, 0, 0, time.UTC)
	}
	res, err := d.tx.Exec(`INSERT INTO prospect_editions (published, imported_at, source) VALUES (?, ?, ?)`,
		published.Format(model.DateLayout), d.today.Format(time.RFC3339), "Demodata (ikke STAR's tal)")
	if err != nil {
		return fmt.Errorf("demo edition: %w", err)
	}
	id, _ := res.LastInsertId()
	var ps []model.Prospect
	for _, t := range d.o.Catalogue.Titles {
		for _, r := range model.Regions {
			rating := demoRating(t.Title, r)
			ps = append(ps, model.Prospect{Region: r, Title: t.Title, Code: t.Code, Rating: rating, Category: model.CategoryOf(rating)})
		}
	}
	return insertProspects(d.tx, id, ps)
}

// demoHome is where a demo citizen lives, from the name (no draw from the
// random source, so the rest of the demo stays as it was).
func demoHome(name string) string {
	h := fnv.New32a()
	h.Write([]byte(name))
	return demoHomes[h.Sum32()%uint32(len(demoHomes))]
}

func demoRating(title, region string) model.Rating {
	if r, ok := demoRatings[title]; ok {
		return r
	}
	h := fnv.New32a()
	h.Write([]byte(title + "/" + region))
	return model.Rating(1 + h.Sum32()%4)
}

// jobList writes n openings, a few of them hot, some already past their deadline.
func (d *demo) jobList(n int) error {
	if d.o.Catalogue == nil {
		return nil
	}
	titles := d.o.Catalogue.Titles
	for i := 0; i < n; i++ {
		t := titles[d.rnd.IntN(len(titles))]
		if i%3 == 0 { // many openings in the titles people target
			t, _ = d.o.Catalogue.Lookup(d.pick(demoGoals))
		}
		j := model.Job{Title: t.Title, Code: t.Code, Employer: d.pick(demoEmployers), Place: d.pick(demoPlaces),
			HowToApply: d.pick(demoApplyHow), Contact: "jobs@example.dk", Source: "Jobnet",
			AddedOn: d.today.AddDate(0, 0, -d.rnd.IntN(20)), Deadline: d.today.AddDate(0, 0, d.rnd.IntN(40)-5), Hot: d.rnd.IntN(12) == 0}
		if j.Hot {
			j.AddedOn, j.Source = d.today, "Virksomhedskonsulent, i morges"
		}
		j.Postcode = demoPostcodes[j.Place]
		if err := saveJob(d.tx, &j); err != nil {
			return err
		}
	}
	return nil
}
