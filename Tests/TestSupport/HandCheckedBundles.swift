import Foundation

/// Small bundles whose answers are worked out by hand in the tests that use them,
/// written as CSV and JSON files (read back through BundleIO by those tests).
public enum HandCheckedBundles {
    /// The "one truth across commands" case (ResponseTests' OneTruthTests states the
    /// layout and the worked values): township T with villages V1 and V2, depot D with
    /// 90 tents and team F one hour from them; an incident starting 2 h late hits V2
    /// with 100 tents and 10 flood people. Returns the new directory; the caller removes it.
    public static func oneTruth() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("er-truth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try write("bundle.json", """
        {"schema_version":1,"name":"truth","description":"one truth across commands","default_policy":"p",
         "policies":[{"id":"p","name":"2 h / 10 h","source":"test","arrival_hours":2,"relief_hours":10}],
         "persons_per_household":3,"max_snap_km":5,
         "files":{"areas":"areas.csv","depots":"depots.csv","items":"items.csv","stock":"stock.csv","teams":"teams.csv",
                  "fleet":"fleet.csv","roads":"roads.csv","nodes":"nodes.csv","scenarios":["scenarios/s.json"]}}
        """)
        try write("areas.csv", """
        id,name,name_en,level,parent,population,lat,lon,hazards,major_risk_area
        C,城,City,city,,100000,40,116,flood:high,false
        T,乙镇,T,township,C,20000,40,116.5,flood:high,false
        V1,一村,V1,village,T,10000,40,116.5,flood:high,false
        V2,二村,V2,village,T,10000,40,116.5,flood:high,false

        """)
        try write("depots.csv", """
        id,name,level,area,lat,lon,owner,capacity_m3,capacity_tonnes,handling_hours,throughput_tonnes_per_hour,mode,lead_hours,contract_cap_tonnes,production_rate_tonnes_per_hour,ramp_up_hours,mutual_aid,mutual_aid_lead_hours
        D,一号库,city,C,40,116,局,1000,1000,0,1000,physical,0,,,0,false,

        """)
        try write("items.csv", """
        id,code,name,name_en,category,unit,unit_weight_kg,unit_volume_m3,shelf_life_days,unit_price_yuan,norm_per_person_day,norm_per_household,norm_per_incident,norm_source,criticality
        tent,1,帐篷,tent,relief,顶,50,0.2,,1000,0,0,0,test,1

        """)
        try write("stock.csv", "depot,item,quantity,unit,batch,received,expiry\nD,tent,90,顶,b1,2025-01-01,\n")
        try write("teams.csv", """
        id,name,kind,area,lat,lon,specialties,headcount,vehicles,mobilisation_minutes
        F,防汛队,professional,C,40,116,flood,10,2,30

        """)
        try write("fleet.csv", "depot,trucks,capacity_tonnes,capacity_m3,speed_factor\n")
        try write("nodes.csv", "id,lat,lon\nn1,40,116\nn2,40,116.5\n")
        try write("roads.csv", "from,to,length_km,class,speed_kmh,oneway\nn1,n2,60,county,60,false\n")
        try write("scenarios/s.json", """
        {"id":"s","name":"s","hazard":"flood","response_level":"II","start":"2025-07-01T08:00:00+08:00","season":"summer",
         "weight":1,"incidents":[{"id":"i","name":"i","hazard":"flood","start_offset_hours":2,
         "affected_areas":[{"area":"V2","affected_population":1000,"displaced_population":0,"relief_days":1,
                            "demands":[{"item":"tent","quantity":100}]}],
         "team_needs":[{"area":"V2","specialty":"flood","headcount":10}]}]}
        """)
        return dir
    }

    /// The two-township planning case (PlanningTests' ReservePlanTests states the layout
    /// and the worked values): city C, townships A1 and A2, depot D1 by A1 (`d1Volume`
    /// m³) and D2 by A2, roads of 60, 780 and 60 km at 60 km/h so that each depot reaches
    /// only its own township by the 10 h deadline, no teams and no fleet. The caller gives
    /// the items.csv rows, the stock.csv rows and each scenario's JSON (by id; listed
    /// in bundle.json in that order). Returns the new directory's path; the caller removes it.
    public static func twoTownships(name: String, description: String, d1Volume: Double, items: String, stock: String,
                                    scenarios: [(id: String, json: String)]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("er-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let listed = scenarios.map { "\"scenarios/\($0.id).json\"" }.joined(separator: ",")
        try write("bundle.json", """
        {"schema_version":1,"name":"\(name)","description":"\(description)","default_policy":"p",
         "policies":[{"id":"p","name":"10 h","source":"test","arrival_hours":2,"relief_hours":10}],
         "persons_per_household":3,"max_snap_km":5,
         "files":{"areas":"areas.csv","depots":"depots.csv","items":"items.csv","stock":"stock.csv","teams":"teams.csv",
                  "fleet":"fleet.csv","roads":"roads.csv","nodes":"nodes.csv","scenarios":[\(listed)]}}
        """)
        try write("areas.csv", """
        id,name,name_en,level,parent,population,lat,lon,hazards,major_risk_area
        C,城,City,city,,100000,40,116.5,flood:high,false
        A1,甲镇,A1,township,C,10000,40,116.5,flood:high,false
        A2,乙镇,A2,township,C,10000,40,118,flood:high,false

        """)
        try write("depots.csv", """
        id,name,level,area,lat,lon,owner,capacity_m3,capacity_tonnes,handling_hours,throughput_tonnes_per_hour,mode,lead_hours,contract_cap_tonnes,production_rate_tonnes_per_hour,ramp_up_hours,mutual_aid,mutual_aid_lead_hours
        D1,一号库,township,A1,40,116,局,\(d1Volume),1000,0,1000,physical,0,,,0,false,
        D2,二号库,county,A2,40,118.5,局,1000,1000,0,1000,physical,0,,,0,false,

        """)
        try write("items.csv", "id,code,name,name_en,category,unit,unit_weight_kg,unit_volume_m3,shelf_life_days,unit_price_yuan,"
                  + "norm_per_person_day,norm_per_household,norm_per_incident,norm_source,criticality\n" + items)
        try write("stock.csv", "depot,item,quantity,unit,batch,received,expiry\n" + stock)
        try write("teams.csv", "id,name,kind,area,lat,lon,specialties,headcount,vehicles,mobilisation_minutes\n")
        try write("fleet.csv", "depot,trucks,capacity_tonnes,capacity_m3,speed_factor\n")
        try write("nodes.csv", "id,lat,lon\nn1,40,116\nn2,40,116.5\nn3,40,118\nn4,40,118.5\n")
        try write("roads.csv", """
        from,to,length_km,class,speed_kmh,oneway
        n1,n2,60,county,60,false
        n2,n3,780,county,60,false
        n3,n4,60,county,60,false

        """)
        for (id, json) in scenarios { try write("scenarios/\(id).json", json) }
        return dir.path
    }
}
